package dev.commerce.order.domain;

import java.time.Duration;

/** Exponential backoff: {@code initial} doubled per failed attempt, never more than {@code max}. */
public record Backoff(Duration initial, Duration max) {

    public Duration after(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
