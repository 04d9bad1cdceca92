package dev.commerce.catalog.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Tells session-service that a product changed. Blocking (the stream consumer calls it on a worker thread);
 * retried with exponential back-off because the DELETE is idempotent; a failure after the retries makes the
 * consumer re-read the same stream records later, so the invalidation is still delivered. The values live in
 * application.properties (SESSION_* variables).
 */
@ApplicationScoped
public class SessionGateway {

    private final SessionClient session;

    public SessionGateway(@RestClient SessionClient session) {
        this.session = session;
    }

    @Timeout
    @Retry(abortOn = CircuitBreakerOpenException.class)
    @ExponentialBackoff
    @CircuitBreaker
    public void invalidate(String productId) {
        session.invalidate(productId);
    }
}
