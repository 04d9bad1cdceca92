package dev.commerce.order.client;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.commerce.order.domain.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * catalog-service's reservations, bounded in time and concurrency, retried (every reservation call is idempotent
 * per order id) and cut off by a circuit breaker while catalog keeps failing. The values here are defaults;
 * application.properties sets them per environment.
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = DependencyRejectedException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000, successThreshold = 2,
        skipOn = DependencyRejectedException.class)
@Bulkhead(value = 20, waitingTaskQueue = 50)
public class CatalogGateway {

    static final String SERVICE = "catalog-service";

    private final CatalogClient catalog;

    public CatalogGateway(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    /** Reserves all lines in one call; a repeat for the same order returns the first reservation. */
    public Uni<Reservation> reserve(UUID orderId, List<CatalogClient.Line> lines) {
        return catalog.reserve(orderId.toString(), new CatalogClient.ReserveRequest(lines)).map(response -> {
            int status = Responses.status(SERVICE, response);
            JsonObject body = Responses.json(response);
            return switch (status) {
                case 200, 201 -> "RELEASED".equals(body.getString("status")) ? new Reservation.Released() : held(body);
                case 409 -> new Reservation.ShortStock(shortLines(body.getJsonArray("shortLines", new JsonArray())));
                case 422 -> new Reservation.UnavailableProducts(strings(body.getJsonArray("productIds", new JsonArray())));
                default -> throw Responses.unexpected(SERVICE, "reserve", response);
            };
        });
    }

    /** Makes the reservation a sale. */
    public Uni<CommitOutcome> commit(UUID orderId) {
        return catalog.commit(orderId.toString()).map(response -> switch (Responses.status(SERVICE, response)) {
            case 200 -> CommitOutcome.COMMITTED;
            case 404 -> CommitOutcome.NOT_FOUND;
            case 409 -> CommitOutcome.RELEASED;
            default -> throw Responses.unexpected(SERVICE, "commit", response);
        });
    }

    /** Returns the reserved (or sold) stock exactly once; releasing again changes nothing. */
    public Uni<ReleaseOutcome> release(UUID orderId) {
        return catalog.release(orderId.toString()).map(response -> switch (Responses.status(SERVICE, response)) {
            case 200 -> ReleaseOutcome.RELEASED;
            case 404 -> ReleaseOutcome.NOT_FOUND;
            default -> throw Responses.unexpected(SERVICE, "release", response);
        });
    }

    public enum CommitOutcome {
        COMMITTED, NOT_FOUND, RELEASED
    }

    public enum ReleaseOutcome {
        RELEASED, NOT_FOUND
    }

    private static Reservation.Held held(JsonObject body) {
        List<Reservation.Line> lines = body.getJsonArray("lines", new JsonArray()).stream()
                .map(JsonObject.class::cast)
                .map(line -> {
                    JsonObject price = line.getJsonObject("unitPrice", new JsonObject());
                    return new Reservation.Line(line.getString("productId"), line.getInteger("quantity"),
                            new Money(price.getLong("amount"), price.getString("currency")));
                })
                .toList();
        return new Reservation.Held(lines);
    }

    private static List<Reservation.ShortLine> shortLines(JsonArray lines) {
        return lines.stream().map(JsonObject.class::cast)
                .map(line -> new Reservation.ShortLine(line.getString("productId"), line.getLong("requested", 0L),
                        line.getLong("available", 0L)))
                .toList();
    }

    private static List<String> strings(JsonArray values) {
        return values.stream().map(String::valueOf).toList();
    }
}
