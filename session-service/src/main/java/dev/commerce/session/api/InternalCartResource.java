package dev.commerce.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import dev.commerce.common.api.ProblemException;
import dev.commerce.common.auth.Roles;
import dev.commerce.session.domain.Carts;
import io.smallrye.mutiny.Uni;

/** order-service's view of a cart at checkout. */
@Path("/internal/sessions/{sessionId}/cart")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class InternalCartResource {

    private final Carts carts;

    public InternalCartResource(Carts carts) {
        this.carts = carts;
    }

    @GET
    @Operation(summary = "Read a session's cart (does not extend the session)")
    public Uni<CartViews.CheckoutCart> read(
            @RestPath @Pattern(regexp = SessionResource.SESSION_ID, message = "must be 32 hex digits") String sessionId) {
        return carts.forCheckout(sessionId).map(cart -> cart.map(CartViews.CheckoutCart::of)
                .orElseThrow(() -> ProblemException.notFound("No such session")));
    }

    @DELETE
    @Operation(summary = "Empty a session's cart after checkout, even while checkout holds its lock (idempotent)")
    public Uni<Void> clear(
            @RestPath @Pattern(regexp = SessionResource.SESSION_ID, message = "must be 32 hex digits") String sessionId) {
        return carts.clearAfterCheckout(sessionId);
    }
}
