package dev.commerce.order.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * session-service as checkout uses it, bounded in time and concurrency and behind a circuit breaker. Calls are
 * retried when repeating them is harmless; acquiring a lock and counting a rate-limit hit are not repeated, as a
 * repeat after a lost answer would find the lock held by this very checkout or count the attempt twice.
 */
@ApplicationScoped
@Timeout(1000)
@Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = DependencyRejectedException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000, successThreshold = 2,
        skipOn = DependencyRejectedException.class)
@Bulkhead(value = 20, waitingTaskQueue = 50)
public class SessionGateway {

    static final String SERVICE = "session-service";
    private static final Logger LOG = Logger.getLogger(SessionGateway.class);

    private final SessionClient session;

    public SessionGateway(@RestClient SessionClient session) {
        this.session = session;
    }

    /** The lock's token, or empty when someone else holds it. */
    @Retry(maxRetries = 0)
    public Uni<Optional<String>> acquireLock(String name, Duration ttl) {
        return session.acquireLock(name, new SessionClient.LockRequest(ttl.toMillis())).map(response -> switch (Responses.status(SERVICE, response)) {
            case 200, 201 -> Optional.of(Responses.json(response).getString("token"));
            case 409 -> Optional.<String>empty();
            default -> throw Responses.unexpected(SERVICE, "lock", response);
        });
    }

    /** Releases a lock this checkout holds; a lock already gone or taken over by someone else counts as released. */
    public Uni<Void> releaseLock(String name, String token) {
        return session.releaseLock(name, token).map(response -> switch (Responses.status(SERVICE, response)) {
            case 200, 204, 404, 409 -> (Void) null;
            default -> throw Responses.unexpected(SERVICE, "unlock", response);
        });
    }

    @Retry(maxRetries = 0)
    @Fallback(fallbackMethod = "rateLimitUnknown")
    public Uni<RateLimit> checkRateLimit(String policy, String key) {
        return session.checkRateLimit(policy, new SessionClient.RateLimitRequest(key)).map(response -> {
            if (Responses.status(SERVICE, response) != 200) {
                throw Responses.unexpected(SERVICE, "rate limit", response);
            }
            JsonObject body = Responses.json(response);
            return new RateLimit(body.getBoolean("allowed", true), body.getLong("resetSeconds", 0L));
        });
    }

    Uni<RateLimit> rateLimitUnknown(String policy, String key, Throwable cause) {
        LOG.warnf("Rate limit %s not checked, session-service unavailable: %s", policy, cause.toString());
        return Uni.createFrom().item(RateLimit.unknown());
    }

    /** The session's cart, or empty when there is no such session. */
    public Uni<Optional<Cart>> cart(String sessionId) {
        return session.cart(sessionId).map(response -> switch (Responses.status(SERVICE, response)) {
            case 200 -> Optional.of(cart(Responses.json(response)));
            case 404 -> Optional.<Cart>empty();
            default -> throw Responses.unexpected(SERVICE, "cart", response);
        });
    }

    public Uni<Void> clearCart(String sessionId) {
        return session.clearCart(sessionId).map(response -> switch (Responses.status(SERVICE, response)) {
            case 200, 204, 404 -> (Void) null;
            default -> throw Responses.unexpected(SERVICE, "clear cart", response);
        });
    }

    /** Feeds the trending leaderboard; session-service counts each order id once. */
    public Uni<Void> reportPurchase(UUID orderId, List<SessionClient.Item> items) {
        return session.reportPurchase(new SessionClient.PurchaseReport(orderId.toString(), items))
                .map(response -> switch (Responses.status(SERVICE, response)) {
                    case 200, 202, 204 -> (Void) null;
                    default -> throw Responses.unexpected(SERVICE, "trending report", response);
                });
    }

    private static Cart cart(JsonObject body) {
        List<Cart.Line> lines = body.getJsonArray("lines", new JsonArray()).stream()
                .map(JsonObject.class::cast)
                .map(line -> new Cart.Line(line.getString("productId"), line.getInteger("quantity", 0)))
                .toList();
        return new Cart(body.getString("sessionId"), body.getString("subject"), lines);
    }
}
