package dev.commerce.session.api;

import java.util.Map;

import dev.commerce.common.api.ProblemException;
import dev.commerce.session.domain.RateLimiter.Decision;

/** RateLimit-* response headers (IETF httpapi draft) and the 429 answer when a request is denied. */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    static Map<String, String> of(Decision decision) {
        return Map.of(
                "RateLimit-Limit", Integer.toString(decision.limit()),
                "RateLimit-Remaining", Integer.toString(decision.remaining()),
                "RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }

    static ProblemException tooManyRequests(Decision decision) {
        ProblemException denied = new ProblemException(429, "rate-limited", "Too many requests",
                "Too many requests from this client; retry after " + decision.resetSeconds() + " s");
        of(decision).forEach(denied::withHeader);
        return denied.withHeader("Retry-After", Long.toString(Math.max(1, decision.resetSeconds())));
    }
}
