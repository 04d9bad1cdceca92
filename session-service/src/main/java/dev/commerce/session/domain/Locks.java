package dev.commerce.session.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.ProblemException;
import dev.commerce.session.config.SessionConfig;
import dev.commerce.session.store.LockStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Named locks with a TTL, for other services (order-service locks {@code cart:<sessionId>} during checkout, which
 * also freezes that cart). The token returned on acquisition is the only way to extend or release the lock.
 */
@ApplicationScoped
public class Locks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LockStore store;
    private final Duration maxTtl;
    private final Clock clock;
    private final MeterRegistry metrics;

    public Locks(LockStore store, SessionConfig config, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.maxTtl = config.locks().maxTtl();
        this.clock = clock;
        this.metrics = metrics;
    }

    public record Grant(String name, String token, Instant expiresAt) {
    }

    /** Acquires the lock, or answers 409 lock-held with Retry-After set to when the current holder's TTL ends. */
    public Uni<Grant> acquire(String name, long ttlMs) {
        Duration ttl = ttl(ttlMs);
        String token = newToken();
        return store.acquire(name, token, ttl).map(attempt -> {
            metrics.counter("session.locks.acquire", "outcome", attempt.acquired() ? "acquired" : "held").increment();
            if (!attempt.acquired()) {
                long retryAfter = Math.max(1, (attempt.remaining().toMillis() + 999) / 1000);
                throw ProblemException.conflict("lock-held", "Lock '" + name + "' is held by someone else")
                        .withHeader("Retry-After", Long.toString(retryAfter));
            }
            return new Grant(name, token, clock.instant().plus(ttl));
        });
    }

    /** Sets the remaining TTL of a lock still held with this token; 409 lock-not-held otherwise. */
    public Uni<Grant> extend(String name, String token, long ttlMs) {
        Duration ttl = ttl(ttlMs);
        return store.extend(name, token, ttl).map(extended -> {
            if (!extended) {
                throw notHeld(name);
            }
            return new Grant(name, token, clock.instant().plus(ttl));
        });
    }

    /** Releases the lock if this token holds it; releasing a lock that is already gone is not an error. */
    public Uni<Void> release(String name, String token) {
        return store.release(name, token).invoke(release -> {
            if (release == LockStore.Release.WRONG_TOKEN) {
                throw ProblemException.conflict("lock-not-held", "Lock '" + name + "' is held with another token");
            }
        }).replaceWithVoid();
    }

    private Duration ttl(long ttlMs) {
        if (ttlMs < 1 || ttlMs > maxTtl.toMillis()) {
            throw ProblemException.invalidField("ttlMs", "must be between 1 and " + maxTtl.toMillis());
        }
        return Duration.ofMillis(ttlMs);
    }

    private static ProblemException notHeld(String name) {
        return ProblemException.conflict("lock-not-held", "Lock '" + name + "' is not held with this token (released or expired)");
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
