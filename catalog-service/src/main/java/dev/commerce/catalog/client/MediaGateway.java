package dev.commerce.catalog.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * Asks media-service whether a media id exists, without blocking the caller's thread. Bounded by a timeout,
 * retried (HEAD is idempotent), and behind a circuit breaker so that while media-service is down, attaching
 * fails at once instead of waiting out timeouts. The values live in application.properties (MEDIA_* variables).
 */
@ApplicationScoped
public class MediaGateway {

    private final MediaClient media;

    public MediaGateway(@RestClient MediaClient media) {
        this.media = media;
    }

    /** True when media-service has the media, false when it answers 404; fails when it cannot tell. */
    @AsynchronousNonBlocking
    @Timeout
    @Retry(abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker
    public Uni<Boolean> exists(String mediaId) {
        return Uni.createFrom().deferred(() -> media.head(mediaId))
                .map(MediaGateway::exists)
                .onFailure(MediaGateway::notFound).recoverWithItem(false);
    }

    private static boolean exists(Response response) {
        int status = response.getStatus();
        if (status == 404) {
            return false;
        }
        if (status / 100 != 2) {
            throw new WebApplicationException("media-service answered " + status, status);
        }
        return true;
    }

    private static boolean notFound(Throwable e) {
        return e instanceof WebApplicationException web && web.getResponse() != null && web.getResponse().getStatus() == 404;
    }
}
