package dev.commerce.session.api;

import java.time.Instant;
import java.util.List;

import dev.commerce.session.domain.Session;

/** Session representations. Tokens appear only in {@link Created}, the answer to the request that made them. */
public final class SessionViews {

    private SessionViews() {
    }

    public record Created(String sessionId, String token, Instant expiresAt, Instant idleExpiresAt) {
    }

    public record View(String sessionId, String subject, boolean guest, Instant createdAt, Instant lastSeenAt,
            Instant expiresAt, Instant idleExpiresAt) {

        static View of(Session session) {
            return new View(session.id(), session.subject(), session.guest(), session.createdAt(), session.lastSeenAt(),
                    session.expiresAt(), session.idleExpiresAt());
        }
    }

    /** A subject's sessions; bounded by session.max-per-subject, so never more than one page. */
    public record Listing(List<View> items, String nextCursor) {

        static Listing of(List<Session> sessions) {
            return new Listing(sessions.stream().map(View::of).toList(), null);
        }
    }

    public record Revoked(String subject, int revoked) {
    }
}
