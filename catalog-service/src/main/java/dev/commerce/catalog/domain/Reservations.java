package dev.commerce.catalog.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.catalog.config.CatalogConfig;
import dev.commerce.catalog.store.ProductStore;
import dev.commerce.catalog.store.ReservationStore;
import dev.commerce.catalog.store.ReservationStore.ReleaseOutcome;
import dev.commerce.common.api.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Stock reservations for orders (the reservation id is the order id). Reserve takes the stock of every line in
 * one transaction or none; replaying it returns the first result; commit makes it final; release returns the
 * stock exactly once, also after a commit (cancellation). All idempotent, all non-blocking.
 */
@ApplicationScoped
public class Reservations {

    static final String OUTCOMES = "catalog.reservations";

    /** A reservation and whether this call created it (false: a replay). */
    public record Placed(Reservation reservation, boolean created) {
    }

    private final ReservationStore store;
    private final ProductStore products;
    private final CatalogConfig config;
    private final MeterRegistry metrics;

    public Reservations(ReservationStore store, ProductStore products, CatalogConfig config, MeterRegistry metrics) {
        this.store = store;
        this.products = products;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Placed> reserve(String orderId, List<RequestedLine> lines) {
        return reserve(orderId, lines, 0)
                .onItem().invoke(placed -> count(placed.created() ? "reserved" : "replayed"))
                .onFailure().invoke(e -> refusal(e).ifPresent(this::count));
    }

    /** Contention is counted where it is detected, store failures by the DynamoDB metrics. */
    private static Optional<String> refusal(Throwable e) {
        return switch (e) {
            case InsufficientStockException shortOfStock -> Optional.of("insufficient_stock");
            case UnavailableProductsException unavailable -> Optional.of("unavailable");
            case ProblemException problem when problem.status() == 409 -> Optional.of("mismatch");
            default -> Optional.empty();
        };
    }

    /**
     * Reads the reservation and the products (strongly consistent), decides 409/422 from what it read, then lets
     * the transaction's conditions make it true. When they no longer hold (stock moved, price changed, another
     * transaction interfered) it starts over after a jittered back-off, and the fresh read gives the right answer.
     */
    private Uni<Placed> reserve(String orderId, List<RequestedLine> lines, int attempt) {
        return store.find(orderId).flatMap(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().item(replay(existing.get(), lines));
            }
            return products.findAll(lines.stream().map(RequestedLine::productId).toList(), true).flatMap(found -> {
                Instant now = Instant.now();
                Reservation reservation = plan(orderId, lines, found, now);
                return store.reserve(reservation, now).flatMap(outcome -> switch (outcome) {
                    case RESERVED -> Uni.createFrom().item(new Placed(reservation, true));
                    case ORDER_EXISTS, PRODUCTS_CHANGED -> again(attempt, () -> reserve(orderId, lines, attempt + 1));
                });
            });
        });
    }

    private Placed replay(Reservation existing, List<RequestedLine> lines) {
        if (!existing.holds(lines)) {
            throw CatalogProblems.reservationMismatch(existing.orderId());
        }
        return new Placed(existing, false);
    }

    private Reservation plan(String orderId, List<RequestedLine> lines, Map<String, Product> found, Instant now) {
        List<String> unavailable = lines.stream().map(RequestedLine::productId)
                .filter(id -> found.get(id) == null || !found.get(id).purchasable()).toList();
        if (!unavailable.isEmpty()) {
            throw new UnavailableProductsException(unavailable);
        }
        List<ShortLine> shortLines = lines.stream()
                .filter(line -> found.get(line.productId()).stock() < line.quantity())
                .map(line -> new ShortLine(line.productId(), line.quantity(), found.get(line.productId()).stock()))
                .toList();
        if (!shortLines.isEmpty()) {
            throw new InsufficientStockException(shortLines);
        }
        List<ReservedLine> reserved = lines.stream()
                .map(line -> new ReservedLine(line.productId(), line.quantity(), found.get(line.productId()).price()))
                .toList();
        Instant expiresAt = now.plus(config.reservations().hold()).truncatedTo(ChronoUnit.SECONDS);
        return new Reservation(orderId, ReservationStatus.RESERVED, reserved, expiresAt);
    }

    public Uni<Reservation> find(String orderId) {
        return store.find(orderId).map(found -> found.orElseThrow(() -> CatalogProblems.reservationNotFound(orderId)));
    }

    /** RESERVED becomes COMMITTED; committing again returns it unchanged; a released reservation cannot be committed. */
    public Uni<Reservation> commit(String orderId) {
        return commit(orderId, 0).invoke(() -> count("committed"));
    }

    private Uni<Reservation> commit(String orderId, int attempt) {
        return store.commit(orderId, Instant.now()).flatMap(committed -> committed.isPresent()
                ? Uni.createFrom().item(committed.get())
                : find(orderId).flatMap(current -> switch (current.status()) {
                    case COMMITTED -> Uni.createFrom().item(current);
                    case RELEASED -> Uni.createFrom().failure(CatalogProblems.reservationReleased(orderId));
                    case RESERVED -> again(attempt, () -> commit(orderId, attempt + 1));
                }));
    }

    /** Returns the stock of a RESERVED or COMMITTED reservation, exactly once; releasing again returns it unchanged. */
    public Uni<Reservation> release(String orderId) {
        return release(orderId, 0);
    }

    private Uni<Reservation> release(String orderId, int attempt) {
        return find(orderId).flatMap(current -> {
            if (current.status() == ReservationStatus.RELEASED) {
                return Uni.createFrom().item(current);
            }
            return store.release(current, current.status(), Instant.now()).flatMap(outcome -> {
                if (outcome == ReleaseOutcome.RELEASED) {
                    count(current.status() == ReservationStatus.COMMITTED ? "restocked" : "released");
                    return Uni.createFrom().item(released(current));
                }
                return again(attempt, () -> release(orderId, attempt + 1));
            });
        });
    }

    /**
     * Releases a reservation whose hold ended by {@code cutoff} if it is still RESERVED. The transaction is
     * conditioned on RESERVED, so a commit or another sweeper that gets there first wins and this does nothing.
     *
     * @return whether this call returned the stock
     */
    public Uni<Boolean> expire(String orderId, Instant cutoff) {
        return expire(orderId, cutoff, 0);
    }

    private Uni<Boolean> expire(String orderId, Instant cutoff, int attempt) {
        return store.find(orderId).flatMap(found -> {
            if (found.isEmpty() || found.get().status() != ReservationStatus.RESERVED || found.get().expiresAt().isAfter(cutoff)) {
                return Uni.createFrom().item(false);
            }
            return store.release(found.get(), ReservationStatus.RESERVED, Instant.now()).flatMap(outcome -> switch (outcome) {
                case RELEASED -> {
                    count("expired");
                    yield Uni.createFrom().item(true);
                }
                case STATUS_CHANGED -> Uni.createFrom().item(false);
                case CONFLICT -> again(attempt, () -> expire(orderId, cutoff, attempt + 1));
            });
        });
    }

    private <T> Uni<T> again(int attempt, Supplier<Uni<T>> next) {
        if (attempt + 1 >= config.writes().maxAttempts()) {
            count("contended");
            return Uni.createFrom().failure(CatalogProblems.contended());
        }
        return Backoff.pause(config.writes().retryBaseDelay(), attempt).chain(() -> next.get());
    }

    private static Reservation released(Reservation reservation) {
        return new Reservation(reservation.orderId(), ReservationStatus.RELEASED, reservation.lines(), reservation.expiresAt());
    }

    private void count(String outcome) {
        metrics.counter(OUTCOMES, "outcome", outcome).increment();
    }
}
