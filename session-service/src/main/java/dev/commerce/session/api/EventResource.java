package dev.commerce.session.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.commerce.session.config.SessionConfig;
import dev.commerce.session.domain.Session;
import dev.commerce.session.domain.SessionEvent;
import dev.commerce.session.domain.SessionEventHub;
import dev.commerce.session.store.SessionStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Server-sent events for the owner of the session in X-Session-Token: cart changes and session revocations of all
 * their sessions, whichever instance they happened on. The stream opens with a {@code subscribed} event, sends a
 * keep-alive comment every heartbeat, and ends after its own session is revoked or has expired.
 */
@Path("/events")
@PermitAll
@Tag(name = "Events")
public class EventResource {

    private final ActiveSessions active;
    private final SessionEventHub hub;
    private final SessionStore sessions;
    private final ObjectMapper json;
    private final SessionConfig.Events config;

    public EventResource(ActiveSessions active, SessionEventHub hub, SessionStore sessions, ObjectMapper json,
            SessionConfig config) {
        this.active = active;
        this.hub = hub;
        this.sessions = sessions;
        this.json = json;
        this.config = config.events();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream the session owner's cart and session events")
    public Multi<OutboundSseEvent> stream(@RestHeader(ActiveSessions.HEADER) String token, @Context Sse sse) {
        return RestMulti.fromUniResponse(active.resolve(token, false), touched -> events(touched.session(), sse));
    }

    private Multi<OutboundSseEvent> events(Session session, Sse sse) {
        OutboundSseEvent end = sse.newEventBuilder().comment("end").build();
        Multi<OutboundSseEvent> events = hub.follow(session.subject(), session.id())
                .map(event -> sse.newEventBuilder().name(event.type()).data(encode(event)).build())
                .onCompletion().continueWith(end);
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .onItem().transformToUniAndConcatenate(tick -> stillOpen(session))
                .map(open -> open ? sse.newEventBuilder().comment("keep-alive").build() : end);
        return Multi.createBy().merging().streams(events, heartbeats)
                .select().first(event -> event != end);
    }

    /** An outage of Redis does not end streams; only a session that is really gone does. */
    private Uni<Boolean> stillOpen(Session session) {
        return sessions.exists(session.id()).onFailure().recoverWithItem(true);
    }

    private String encode(SessionEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a session event", e);
        }
    }
}
