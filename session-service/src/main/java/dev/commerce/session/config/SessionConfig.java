package dev.commerce.session.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * session.* settings. Each one can be overridden by an environment variable named after it
 * (e.g. {@code session.idle-timeout} by {@code SESSION_IDLE_TIMEOUT}); see the service README.
 */
@ConfigMapping(prefix = "session")
public interface SessionConfig {

    /** A session not used for this long expires (sliding). */
    Duration idleTimeout();

    /** A session expires this long after creation, however much it is used. */
    Duration absoluteLifetime();

    /** Live sessions one subject may hold; creating one more ends the oldest. */
    int maxPerSubject();

    /** Whether anonymous callers may create guest sessions (and carts). */
    boolean guestsEnabled();

    Cart cart();

    Snapshots snapshots();

    Locks locks();

    RateLimits rateLimits();

    Events events();

    Store store();

    ClientAddress clientAddress();

    interface Cart {
        /** Distinct products in one cart. */
        int maxLines();

        /** Units of one product in one cart. */
        int maxQuantity();
    }

    /** Product snapshots from catalog-service, cached aside in Redis. */
    interface Snapshots {
        /** How long a loaded snapshot is served without asking catalog-service again. */
        Duration ttl();

        /** Up to this much is added at random to each TTL, so entries loaded together do not expire together. */
        Duration jitter();

        /** How long an expired snapshot is kept to be served (marked stale) while catalog-service is unavailable. */
        Duration staleFor();

        /** How long "no such product" answers are cached. */
        Duration missingTtl();
    }

    interface Locks {
        /** Longest TTL a lock may be acquired or extended for. */
        Duration maxTtl();
    }

    interface RateLimits {
        /** The policy applied to session creation, per client address. */
        @WithDefault("session-creation")
        String sessionCreationPolicy();

        /** Sliding-window policies by name, e.g. checkout. */
        Map<String, Policy> policies();

        interface Policy {
            int limit();

            Duration window();
        }
    }

    interface Events {
        /** The Redis pub/sub channel all instances share. */
        String channel();

        /** Interval of SSE keep-alive comments; each also checks that the stream's session still exists. */
        Duration heartbeat();
    }

    interface Store {
        /** Upper bound of one Redis call made for a request; beyond it the request fails fast with 503. */
        Duration operationTimeout();

        /** Retry-After sent with 503 answers while Redis is unavailable. */
        Duration retryAfter();
    }

    interface ClientAddress {
        /**
         * Peers (CIDR) whose X-Forwarded-For is believed: the load balancer. The client address is then the last
         * X-Forwarded-For entry, the one the load balancer appended.
         */
        List<String> trustedProxies();
    }
}
