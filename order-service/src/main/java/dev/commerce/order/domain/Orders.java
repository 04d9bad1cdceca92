package dev.commerce.order.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.ProblemException;
import dev.commerce.order.store.OrderStore;
import dev.commerce.order.store.OrderStore.OrderQuery;
import dev.commerce.order.store.OrderStore.StatusTransition;
import dev.commerce.order.store.ReadFrom;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Reading and changing orders on behalf of a caller. Customers see only their own orders: anyone else's answers
 * 404, exactly like an order that does not exist, so ids of other customers' orders cannot be probed.
 */
@ApplicationScoped
public class Orders {

    private final OrderStore store;
    private final OutboxProcessor postCommit;
    private final MeterRegistry metrics;

    public Orders(OrderStore store, OutboxProcessor postCommit, MeterRegistry metrics) {
        this.store = store;
        this.postCommit = postCommit;
        this.metrics = metrics;
    }

    /** Who is asking: a customer (sees own orders) or an admin (sees all). */
    public record Caller(String subject, boolean admin) {

        boolean maySee(Order order) {
            return admin || order.isOwnedBy(subject);
        }
    }

    /** One order from the writer: a customer always finds the order the checkout just answered with. */
    public Uni<Order> get(UUID id, Caller caller) {
        return store.find(id, ReadFrom.WRITER).map(found -> visible(found, caller, id));
    }

    public Uni<List<StatusChange>> history(UUID id, Caller caller, ReadFrom from) {
        return get(id, caller).chain(order -> store.history(id, from)
                .chain(changes -> changes.size() < order.version() && from == ReadFrom.READER
                        // The reader lags behind the order just read from the writer.
                        ? store.history(id, ReadFrom.WRITER)
                        : Uni.createFrom().item(changes)));
    }

    public Uni<List<Order>> list(OrderQuery query, ReadFrom from) {
        return store.list(query, from);
    }

    /** The owner cancels a PENDING or PAID order; the reserved or sold stock goes back to catalog once. */
    public Uni<Order> cancel(UUID id, Caller caller, String reason) {
        return change(id, caller, OrderStatus.CANCELLED, OptionalLong.empty(), reason);
    }

    /** An admin moves an order along its life; {@code expectedVersion} (empty for any) guards against lost updates. */
    public Uni<Order> changeStatus(UUID id, Caller admin, OrderStatus target, OptionalLong expectedVersion, String reason) {
        return change(id, admin, target, expectedVersion, reason);
    }

    private Uni<Order> change(UUID id, Caller caller, OrderStatus target, OptionalLong expectedVersion, String reason) {
        return store.changeStatus(id, found -> {
            Order current = visible(found, caller, id);
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw ProblemException.preconditionFailed("Order " + id + " is at version " + current.version()
                        + ", not " + expectedVersion.getAsLong());
            }
            if (!current.status().canBecome(target)) {
                throw ProblemException.conflict("illegal-transition",
                        "An order in status " + current.status() + " cannot become " + target);
            }
            Order next = current.withStatus(target, Instant.now().truncatedTo(ChronoUnit.MICROS));
            StatusChange change = new StatusChange(next.version(), current.status(), target, caller.subject(), reason, next.updatedAt());
            List<OutboxTask> tasks = target == OrderStatus.CANCELLED ? List.of(new OutboxTask.ReleaseReservation(id)) : List.of();
            return new StatusTransition(next, change, tasks);
        }).call(order -> {
            metrics.counter("orders.status.changes", "to", target.name()).increment();
            return target == OrderStatus.CANCELLED ? postCommit.processOrder(id) : Uni.createFrom().voidItem();
        });
    }

    private static Order visible(Optional<Order> found, Caller caller, UUID id) {
        return found.filter(caller::maySee).orElseThrow(() -> ProblemException.notFound("No order " + id));
    }
}
