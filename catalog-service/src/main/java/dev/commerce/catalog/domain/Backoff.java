package dev.commerce.catalog.domain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.mutiny.Uni;

/**
 * Exponential back-off with full jitter (a random wait between zero and base * 2^attempt, capped): concurrent
 * writers that collided spread out instead of colliding again in lock step.
 */
public final class Backoff {

    private static final Duration CAP = Duration.ofSeconds(1);

    private Backoff() {
    }

    public static Duration delay(Duration base, int attempt) {
        long ceiling = Math.min(CAP.toNanos(), base.toNanos() << Math.min(attempt, 20));
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** Completes after the jittered delay of the given attempt (0 = first retry). */
    public static Uni<Void> pause(Duration base, int attempt) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay(base, attempt));
    }
}
