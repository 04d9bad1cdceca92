package dev.commerce.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
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
import dev.commerce.session.domain.Caller;
import dev.commerce.session.domain.Sessions;
import io.smallrye.mutiny.Uni;

/** A subject's sessions, for that customer or an admin (e.g. after a password reset or account compromise). */
@Path("/subjects/{subject}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
@Tag(name = "Sessions")
public class SubjectSessionsResource {

    private final Sessions sessions;
    private final Callers callers;

    public SubjectSessionsResource(Sessions sessions, Callers callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "List the subject's live sessions")
    public Uni<SessionViews.Listing> list(@RestPath @Size(max = 256) String subject) {
        return selfOrAdmin(subject).chain(() -> sessions.list(subject)).map(SessionViews.Listing::of);
    }

    @DELETE
    @Operation(summary = "Revoke every session of the subject")
    public Uni<SessionViews.Revoked> revokeAll(@RestPath @Size(max = 256) String subject) {
        return selfOrAdmin(subject).chain(() -> sessions.revokeAll(subject))
                .map(count -> new SessionViews.Revoked(subject, count));
    }

    private Uni<Void> selfOrAdmin(String subject) {
        return callers.current().invoke((Caller caller) -> {
            if (!caller.isAdmin() && !caller.is(subject)) {
                throw new ProblemException(403, "forbidden", "Forbidden", "Only the subject or an admin may do this");
            }
        }).replaceWithVoid();
    }
}
