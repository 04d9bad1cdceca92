package dev.commerce.session.domain;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.ProblemException;
import dev.commerce.session.config.SessionConfig;
import dev.commerce.session.config.SessionConfig.RateLimits.Policy;
import dev.commerce.session.store.RateLimitStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/** Sliding-window rate limits by named policy (configured) and key (a customer, a client address...). */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitStore store;
    private final Map<String, Policy> policies;
    private final MeterRegistry metrics;

    public RateLimiter(RateLimitStore store, SessionConfig config, MeterRegistry metrics) {
        this.store = store;
        this.policies = config.rateLimits().policies();
        this.metrics = metrics;
    }

    /** The verdict for one request; {@code resetSeconds} is when the next request would be admitted at the earliest. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    /** Counts a request against the policy for this key (only admitted requests count); 404 for an unknown policy. */
    public Uni<Decision> hit(String policyName, String key) {
        Policy policy = policies.get(policyName);
        if (policy == null) {
            throw ProblemException.notFound("No rate-limit policy '" + policyName + "'");
        }
        return store.hit(policyName, key, policy.limit(), policy.window()).map(hit -> {
            metrics.counter("session.rate_limit.decisions", "policy", policyName, "allowed", Boolean.toString(hit.allowed()))
                    .increment();
            long resetSeconds = (hit.reset().toMillis() + 999) / 1000;
            return new Decision(hit.allowed(), policy.limit(), Math.max(0, hit.remaining()), resetSeconds);
        });
    }
}
