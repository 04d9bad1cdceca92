package dev.commerce.session.domain;

import java.time.Instant;

/**
 * A live session. {@code idleExpiresAt} moves forward on every use; {@code expiresAt} never does.
 * Guest sessions belong to no customer: their subject is {@code guest:<id>}.
 */
public record Session(String id, String subject, boolean guest, Instant createdAt, Instant lastSeenAt,
        Instant expiresAt, Instant idleExpiresAt) {

    public static final String GUEST_PREFIX = "guest:";

    public static String guestSubject(String sessionId) {
        return GUEST_PREFIX + sessionId;
    }
}
