package dev.commerce.session.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import dev.commerce.common.api.ProblemException;
import dev.commerce.common.auth.Roles;
import dev.commerce.session.domain.Locks;
import io.smallrye.mutiny.Uni;

/** Distributed locks for other services; {@code cart:<sessionId>} also freezes that cart while held. */
@Path("/internal/locks/{name}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class LockResource {

    /** Colon-separated segments; the last one is the Redis hash tag. */
    static final String NAME = "[A-Za-z0-9._-]{1,64}(:[A-Za-z0-9._-]{1,64}){0,4}";
    private static final String NAME_MESSAGE = "must be up to 5 ':'-separated segments of letters, digits, '.', '-', '_'";

    private final Locks locks;

    public LockResource(Locks locks) {
        this.locks = locks;
    }

    public record Acquire(@NotNull @Positive Long ttlMs) {
    }

    public record Extend(@NotBlank @Size(max = 64) String token, @NotNull @Positive Long ttlMs) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acquire the lock for ttlMs; 409 lock-held (with Retry-After) if someone holds it")
    public Uni<RestResponse<Locks.Grant>> acquire(@RestPath @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @Valid @NotNull Acquire body) {
        return locks.acquire(name, body.ttlMs())
                .map(grant -> RestResponse.ResponseBuilder.<Locks.Grant>created(URI.create("/internal/locks/" + name))
                        .entity(grant).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend a lock held with this token to ttlMs from now; 409 lock-not-held otherwise")
    public Uni<Locks.Grant> extend(@RestPath @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @Valid @NotNull Extend body) {
        return locks.extend(name, body.token(), body.ttlMs());
    }

    @DELETE
    @Operation(summary = "Release a lock held with the X-Lock-Token; 204 also when it is already gone, 409 for another token")
    public Uni<Void> release(@RestPath @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @RestHeader("X-Lock-Token") String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw ProblemException.invalidField("X-Lock-Token", "header is required");
        }
        return locks.release(name, token);
    }
}
