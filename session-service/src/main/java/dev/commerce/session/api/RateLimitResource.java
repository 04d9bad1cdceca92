package dev.commerce.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import dev.commerce.common.auth.Roles;
import dev.commerce.session.domain.RateLimiter;
import io.smallrye.mutiny.Uni;

/** Rate-limit decisions for other services (order-service limits checkouts per customer). */
@Path("/internal/rate-limits/{policy}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class RateLimitResource {

    private final RateLimiter rateLimiter;

    public RateLimitResource(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    /** @param key who is limited, e.g. a customer's subject: 1-200 visible characters */
    public record Check(@NotNull @Pattern(regexp = "\\S{1,200}", message = "must be 1-200 characters without spaces") String key) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Count one request for key under the policy; always 200, the caller decides what a denial means")
    public Uni<RateLimiter.Decision> check(
            @RestPath @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be lowercase letters, digits or '-'") String policy,
            @Valid @NotNull Check body) {
        return rateLimiter.hit(policy, body.key());
    }
}
