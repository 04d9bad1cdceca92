package dev.commerce.catalog.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import dev.commerce.catalog.domain.Reservation;
import dev.commerce.catalog.domain.Reservations;
import dev.commerce.common.auth.Roles;
import io.smallrye.mutiny.Uni;

/** Stock reservations for orders (order-service calls these with role service); the reservation id is the order id. */
@Path("/internal/reservations/{orderId}")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

    private final Reservations reservations;

    public ReservationResource(Reservations reservations) {
        this.reservations = reservations;
    }

    /** 201 when this call reserved the stock, 200 when the order already had this reservation (replay). */
    @PUT
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Reservation>> reserve(
            @PathParam("orderId") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String orderId,
            @NotNull(message = "a JSON body is required") @Valid ReserveBody body) {
        return reservations.reserve(orderId, body.toLines()).map(placed -> placed.created()
                ? RestResponse.ResponseBuilder.<Reservation> created(URI.create("/internal/reservations/" + orderId))
                        .entity(placed.reservation()).build()
                : RestResponse.ok(placed.reservation()));
    }

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.ADMIN })
    public Uni<Reservation> get(@PathParam("orderId") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String orderId) {
        return reservations.find(orderId);
    }

    @POST
    @Path("/commit")
    @RolesAllowed(Roles.SERVICE)
    public Uni<Reservation> commit(@PathParam("orderId") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String orderId) {
        return reservations.commit(orderId);
    }

    @POST
    @Path("/release")
    @RolesAllowed(Roles.SERVICE)
    public Uni<Reservation> release(@PathParam("orderId") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String orderId) {
        return reservations.release(orderId);
    }
}
