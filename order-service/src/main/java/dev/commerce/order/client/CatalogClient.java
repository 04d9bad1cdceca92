package dev.commerce.order.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.commerce.common.auth.ServiceAuthorization;
import io.smallrye.mutiny.Uni;

/**
 * catalog-service's reservation API (internal HTTP contract). Answers are returned whole so that
 * {@link CatalogGateway} can tell outcomes (409 short stock, 422 unavailable products) from failures.
 */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/internal/reservations/{orderId}")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> reserve(@PathParam("orderId") String orderId, ReserveRequest body);

    @POST
    @Path("/commit")
    Uni<Response> commit(@PathParam("orderId") String orderId);

    @POST
    @Path("/release")
    Uni<Response> release(@PathParam("orderId") String orderId);

    record ReserveRequest(List<Line> lines) {
    }

    record Line(String productId, int quantity) {
    }
}
