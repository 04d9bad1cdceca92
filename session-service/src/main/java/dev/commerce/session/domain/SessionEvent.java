package dev.commerce.session.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Something a session's owner may want to see live, shared by all instances over Redis pub/sub and streamed
 * to the owner's SSE connections.
 *
 * @param type        {@link #CART_CHANGED} or {@link #SESSION_REVOKED}; a stream also opens with {@link #SUBSCRIBED}
 * @param cartVersion the cart version after the change (cart events only)
 * @param at          epoch milliseconds
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionEvent(String type, String subject, String sessionId, Long cartVersion, long at) {

    public static final String CART_CHANGED = "cart-changed";
    public static final String SESSION_REVOKED = "session-revoked";
    /** First event of every stream: from here on, no event for the subject is missed. */
    public static final String SUBSCRIBED = "subscribed";

    public static SessionEvent cartChanged(String subject, String sessionId, long version, long at) {
        return new SessionEvent(CART_CHANGED, subject, sessionId, version, at);
    }

    public static SessionEvent revoked(String subject, String sessionId, long at) {
        return new SessionEvent(SESSION_REVOKED, subject, sessionId, null, at);
    }

    public static SessionEvent subscribed(String subject, String sessionId, long at) {
        return new SessionEvent(SUBSCRIBED, subject, sessionId, null, at);
    }

    public boolean revokes(String sessionId) {
        return SESSION_REVOKED.equals(type) && this.sessionId.equals(sessionId);
    }
}
