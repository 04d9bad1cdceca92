package dev.commerce.order.client;

/** session-service's verdict for one checkout attempt of a customer. */
public record RateLimit(boolean allowed, long resetSeconds) {

    /** What checkout assumes while session-service cannot say: a rate limiter outage must not stop sales. */
    public static RateLimit unknown() {
        return new RateLimit(true, 0);
    }
}
