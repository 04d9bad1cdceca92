package dev.commerce.order.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.commerce.common.api.ProblemException;
import dev.commerce.order.client.Cart;
import dev.commerce.order.client.CatalogClient;
import dev.commerce.order.client.CatalogGateway;
import dev.commerce.order.client.Reservation;
import dev.commerce.order.client.SessionGateway;
import dev.commerce.order.config.OrderConfig;
import dev.commerce.order.store.Databases;
import dev.commerce.order.store.IdempotencyStore;
import dev.commerce.order.store.IdempotencyStore.Claim;
import dev.commerce.order.store.OrderStore;
import dev.commerce.order.store.OutboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * The checkout saga: lock the cart → check the customer's rate limit → read the cart → reserve all lines in
 * catalog → write order, lines, history, outbox rows and the idempotency response in one transaction → run the
 * post-commit steps (commit reservation, clear cart, unlock, trending) from the outbox. A failure before the
 * commit releases the reservation; a failure after it only delays outbox steps.
 */
@ApplicationScoped
public class Checkout {

    private static final Logger LOG = Logger.getLogger(Checkout.class);

    private final IdempotencyStore idempotency;
    private final OrderStore orders;
    private final OutboxStore outbox;
    private final Databases databases;
    private final CatalogGateway catalog;
    private final SessionGateway session;
    private final OutboxProcessor postCommit;
    private final OrderConfig.Checkout config;
    private final MeterRegistry metrics;

    public Checkout(IdempotencyStore idempotency, OrderStore orders, OutboxStore outbox, Databases databases,
            CatalogGateway catalog, SessionGateway session, OutboxProcessor postCommit, OrderConfig config, MeterRegistry metrics) {
        this.idempotency = idempotency;
        this.orders = orders;
        this.outbox = outbox;
        this.databases = databases;
        this.catalog = catalog;
        this.session = session;
        this.postCommit = postCommit;
        this.config = config.checkout();
        this.metrics = metrics;
    }

    /** What one checkout works with: who, which key, which cart, and the order id its key stands for. */
    private record Attempt(String customerId, String key, String sessionId, UUID orderId) {

        String lockName() {
            return "cart:" + sessionId;
        }
    }

    public Uni<CheckoutResult> placeOrder(String customerId, String idempotencyKey, String sessionId) {
        String requestHash = sha256(sessionId);
        return claim(customerId, idempotencyKey, requestHash).chain(claim -> switch (claim) {
            case Claim.Started started -> run(new Attempt(customerId, idempotencyKey, sessionId, started.orderId()))
                    .invoke(result -> count("placed"))
                    .onFailure().invoke(failure -> count("failed"));
            case Claim.Replay replay -> Uni.createFrom().item(new CheckoutResult(replay.status(), replay.body(), true));
            case Claim.Mismatch mismatch -> Uni.createFrom().failure(new ProblemException(422, "idempotency-key-reused",
                    "Idempotency-Key reused", "This Idempotency-Key was used with a different request body"));
            case Claim.Busy busy -> Uni.createFrom().failure(inProgress());
        });
    }

    /** Claims the key; while another request with it runs, waits (bounded) for that one to finish. */
    private Uni<Claim> claim(String customerId, String key, String requestHash) {
        return Uni.createFrom().deferred(() -> idempotency.begin(customerId, key, requestHash, config.idempotencyLease(),
                        config.idempotencyRetention()))
                .map(claim -> {
                    if (claim instanceof Claim.Busy) {
                        throw new StillRunning();
                    }
                    return claim;
                })
                .onFailure(StillRunning.class).retry().withBackOff(config.inProgressPoll(), config.inProgressPoll())
                .expireIn(config.inProgressWait().toMillis())
                .onFailure(StillRunning.class).recoverWithItem(new Claim.Busy());
    }

    private static final class StillRunning extends RuntimeException {
        StillRunning() {
            super(null, null, false, false);
        }
    }

    private Uni<CheckoutResult> run(Attempt attempt) {
        return session.acquireLock(attempt.lockName(), config.lockTtl())
                .chain(token -> token.isEmpty()
                        ? Uni.createFrom().<CheckoutResult>failure(ProblemException.conflict("checkout-in-progress",
                                "Another checkout of this cart is running; try again shortly"))
                        : underLock(attempt, token.get()).onFailure().call(() -> releaseLockQuietly(attempt, token.get())))
                .onFailure(failure -> !(failure instanceof OrderOutcomeUnknown)).call(() -> idempotency
                        .abandon(attempt.customerId(), attempt.key(), attempt.orderId())
                        .onFailure().recoverWithNull())
                .onFailure(OrderOutcomeUnknown.class).transform(Throwable::getCause);
    }

    private Uni<CheckoutResult> underLock(Attempt attempt, String lockToken) {
        return session.checkRateLimit(config.rateLimitPolicy(), attempt.customerId())
                .chain(limit -> limit.allowed()
                        ? session.cart(attempt.sessionId())
                        : Uni.createFrom().failure(new ProblemException(429, "rate-limited", "Too many checkouts",
                                "Too many checkouts; try again in " + limit.resetSeconds() + " s").withHeader("Retry-After",
                                        Long.toString(Math.max(1, limit.resetSeconds())))))
                .map(cart -> cart.filter(found -> attempt.customerId().equals(found.subject()))
                        .orElseThrow(() -> ProblemException.notFound("No session " + attempt.sessionId() + " of yours")))
                .map(this::checkLines)
                .chain(cart -> reserve(attempt, cart))
                .chain(held -> persist(attempt, lockToken, held));
    }

    private Cart checkLines(Cart cart) {
        if (cart.lines().isEmpty()) {
            throw new OrderRejectedException(422, "empty-cart", "Empty cart", "The cart has no lines to order", Map.of());
        }
        if (cart.lines().size() > config.maxLines()) {
            throw new OrderRejectedException(422, "too-many-lines", "Too many lines",
                    "An order may have at most " + config.maxLines() + " lines", Map.of("maxLines", config.maxLines()));
        }
        return cart;
    }

    private Uni<Reservation.Held> reserve(Attempt attempt, Cart cart) {
        List<CatalogClient.Line> lines = cart.lines().stream().map(line -> new CatalogClient.Line(line.productId(), line.quantity())).toList();
        return catalog.reserve(attempt.orderId(), lines)
                // The reservation may exist although its answer was lost: have it released.
                .onFailure().call(() -> compensate(attempt.orderId()))
                .map(reservation -> switch (reservation) {
                    case Reservation.Held held -> held;
                    case Reservation.ShortStock shortStock -> throw new OrderRejectedException(409, "insufficient-stock",
                            "Insufficient stock", "Not enough stock for " + shortStock.shortLines().size() + " line(s)",
                            Map.of("shortLines", shortStock.shortLines()));
                    case Reservation.UnavailableProducts unavailable -> throw new OrderRejectedException(422, "unavailable-products",
                            "Unavailable products", "Some products are unknown or not on sale", Map.of("productIds", unavailable.productIds()));
                    case Reservation.Released released -> throw ProblemException.conflict("checkout-expired",
                            "This checkout expired before it completed; send the request again");
                });
    }

    private Uni<CheckoutResult> persist(Attempt attempt, String lockToken, Reservation.Held held) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<OrderLine> lines = held.lines().stream()
                .map(line -> new OrderLine(line.productId(), null, null, line.quantity(), line.unitPrice())).toList();
        Order order = Order.place(attempt.orderId(), attempt.customerId(), attempt.sessionId(), lines, now);
        JsonObject body = JsonObject.mapFrom(OrderView.of(order));
        List<OutboxTask> tasks = List.of(
                new OutboxTask.CommitReservation(order.id()),
                new OutboxTask.ClearCart(order.id(), attempt.sessionId()),
                new OutboxTask.ReleaseLock(order.id(), attempt.lockName(), lockToken),
                new OutboxTask.ReportPurchase(order.id(), lines.stream()
                        .map(line -> new OutboxTask.ReportPurchase.Item(line.productId(), line.quantity())).toList()));
        return databases.inTransaction(tx -> orders.insert(tx, order, attempt.customerId())
                        .chain(() -> outbox.insert(tx, tasks))
                        .chain(() -> idempotency.complete(tx, attempt.customerId(), attempt.key(), order.id(), 201, body)))
                .onFailure().recoverWithUni(failure -> afterFailedCommit(attempt, failure))
                .chain(() -> postCommit.processOrder(order.id()))
                .replaceWith(new CheckoutResult(201, body, false));
    }

    /**
     * The order's transaction failed, but its commit may still have happened (connection lost while committing).
     * Only an order known to be absent is compensated; when even that cannot be known, the key stays leased and
     * the reconciler settles it once the database answers again.
     */
    private Uni<Void> afterFailedCommit(Attempt attempt, Throwable failure) {
        return orders.exists(attempt.orderId())
                .onFailure().transform(unknown -> new OrderOutcomeUnknown(failure))
                .chain(exists -> exists
                        ? Uni.createFrom().voidItem()
                        : compensate(attempt.orderId()).chain(() -> Uni.createFrom().failure(failure)));
    }

    /** Carries the original failure past the clean-up that would otherwise give the idempotency key up. */
    private static final class OrderOutcomeUnknown extends RuntimeException {
        OrderOutcomeUnknown(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Releases the reservation now, or through the outbox when catalog cannot be reached. */
    private Uni<Void> compensate(UUID orderId) {
        return catalog.release(orderId).replaceWithVoid()
                .onFailure().recoverWithUni(unreachable -> databases
                        .inTransaction(tx -> outbox.insert(tx, List.of(new OutboxTask.ReleaseReservation(orderId))))
                        .onFailure().invoke(lost -> LOG.warnf("Release of reservation %s left to the reconciler: %s", orderId, lost.toString()))
                        .onFailure().recoverWithNull());
    }

    private Uni<Void> releaseLockQuietly(Attempt attempt, String token) {
        return session.releaseLock(attempt.lockName(), token)
                .onFailure().recoverWithNull();
    }

    private static ProblemException inProgress() {
        return ProblemException.conflict("idempotency-key-in-use", "A request with this Idempotency-Key is still running; retry later")
                .withHeader("Retry-After", "1");
    }

    private void count(String outcome) {
        metrics.counter("orders.checkouts", "outcome", outcome).increment();
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
