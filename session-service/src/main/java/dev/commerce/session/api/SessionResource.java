package dev.commerce.session.api;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import dev.commerce.common.api.ProblemException;
import dev.commerce.common.auth.Roles;
import dev.commerce.session.config.SessionConfig;
import dev.commerce.session.domain.Caller;
import dev.commerce.session.domain.RateLimiter;
import dev.commerce.session.domain.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class SessionResource {

    static final String SESSION_ID = "[0-9a-f]{32}";

    private final Sessions sessions;
    private final ActiveSessions active;
    private final Callers callers;
    private final RateLimiter rateLimiter;
    private final ClientAddresses clientAddresses;
    private final SessionConfig config;

    public SessionResource(Sessions sessions, ActiveSessions active, Callers callers, RateLimiter rateLimiter,
            ClientAddresses clientAddresses, SessionConfig config) {
        this.sessions = sessions;
        this.active = active;
        this.callers = callers;
        this.rateLimiter = rateLimiter;
        this.clientAddresses = clientAddresses;
        this.config = config;
    }

    @POST
    @PermitAll
    @Operation(summary = "Create a session for the calling customer, or a guest session without a bearer token when enabled")
    public Uni<RestResponse<SessionViews.Created>> create(@Context HttpServerRequest request) {
        String clientAddress = clientAddresses.of(request);
        return callers.current().chain(caller -> {
            Optional<String> owner = owner(caller);
            return rateLimiter.hit(config.rateLimits().sessionCreationPolicy(), clientAddress).chain(decision -> {
                if (!decision.allowed()) {
                    throw RateLimitHeaders.tooManyRequests(decision);
                }
                return sessions.create(owner).map(created -> created(created, decision));
            });
        });
    }

    private Optional<String> owner(Caller caller) {
        if (caller.isAnonymous()) {
            if (!config.guestsEnabled()) {
                throw new ProblemException(401, "unauthorized", "Unauthorized", "A valid bearer token is required")
                        .withHeader("WWW-Authenticate", "Bearer");
            }
            return Optional.empty();
        }
        if (!caller.isCustomer()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only customers have sessions");
        }
        return caller.subject();
    }

    private static RestResponse<SessionViews.Created> created(Sessions.Created created, RateLimiter.Decision decision) {
        var session = created.session();
        var body = new SessionViews.Created(session.id(), created.token().value(), session.expiresAt(), session.idleExpiresAt());
        RestResponse.ResponseBuilder<SessionViews.Created> response = RestResponse.ResponseBuilder
                .<SessionViews.Created>create(RestResponse.Status.CREATED, body)
                .header("Cache-Control", "no-store");
        RateLimitHeaders.of(decision).forEach(response::header);
        return response.build();
    }

    @GET
    @Path("/current")
    @PermitAll
    @Operation(summary = "The session of X-Session-Token; using it slides its idle expiry")
    public Uni<SessionViews.View> current(@RestHeader(ActiveSessions.HEADER) String token) {
        return active.resolve(token, false).map(touched -> SessionViews.View.of(touched.session()));
    }

    @DELETE
    @Path("/current")
    @PermitAll
    @Operation(summary = "Log out: end the session of X-Session-Token")
    public Uni<Void> logout(@RestHeader(ActiveSessions.HEADER) String token) {
        return active.resolve(token, false).chain(touched -> sessions.end(touched.session()));
    }

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "The calling customer's live sessions, newest first")
    public Uni<SessionViews.Listing> mine() {
        return callers.current().chain(caller -> sessions.list(caller.subject().orElseThrow()))
                .map(SessionViews.Listing::of);
    }

    @DELETE
    @Path("/{sessionId}")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "End one of the calling customer's sessions (e.g. on another device)")
    public Uni<Void> revoke(@RestPath @Pattern(regexp = SESSION_ID, message = "must be 32 hex digits") String sessionId) {
        return callers.current().chain(caller -> sessions.revoke(caller.subject().orElseThrow(), sessionId));
    }
}
