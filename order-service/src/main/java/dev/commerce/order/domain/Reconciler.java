package dev.commerce.order.domain;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.commerce.order.client.CatalogGateway;
import dev.commerce.order.config.OrderConfig;
import dev.commerce.order.store.IdempotencyStore;
import dev.commerce.order.store.IdempotencyStore.Abandoned;
import dev.commerce.order.store.OrderStore;
import dev.commerce.order.store.OutboxStore;
import dev.commerce.order.store.ReadFrom;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Settles checkouts that stopped mid-way (the instance died, or the database went away around the commit): their
 * idempotency lease ran out while still IN_PROGRESS. An order that was committed gets its response recorded (its
 * outbox rows were committed with it); an order that never was has its reservation released and its key freed.
 * Also purges expired idempotency records and processed outbox rows.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    private final IdempotencyStore idempotency;
    private final OrderStore orders;
    private final OutboxStore outbox;
    private final CatalogGateway catalog;
    private final OrderConfig config;
    private final MeterRegistry metrics;

    public Reconciler(IdempotencyStore idempotency, OrderStore orders, OutboxStore outbox, CatalogGateway catalog,
            OrderConfig config, MeterRegistry metrics) {
        this.idempotency = idempotency;
        this.orders = orders;
        this.outbox = outbox;
        this.catalog = catalog;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${order.reconciler.interval}", delayed = "${order.reconciler.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.reconciler().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return reconcile()
                .call(() -> idempotency.deleteExpired())
                .call(() -> outbox.deleteProcessedBefore(Instant.now().minus(config.outbox().retention())))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("Reconciliation failed: %s", failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Settles one batch of abandoned checkouts; returns how many were found. */
    public Uni<Integer> reconcile() {
        return idempotency.claimAbandoned(config.reconciler().batchSize(), config.checkout().idempotencyLease())
                .call(abandoned -> Multi.createFrom().iterable(abandoned)
                        .onItem().transformToUniAndConcatenate(this::settle)
                        .collect().last())
                .map(abandoned -> abandoned.size());
    }

    private Uni<Void> settle(Abandoned checkout) {
        return orders.find(checkout.orderId(), ReadFrom.WRITER).chain(order -> order.isPresent()
                ? idempotency.completeLater(checkout.customerId(), checkout.key(), checkout.orderId(), 201,
                        JsonObject.mapFrom(OrderView.of(order.get()))).invoke(() -> count("completed"))
                : catalog.release(checkout.orderId())
                        .chain(() -> idempotency.abandon(checkout.customerId(), checkout.key(), checkout.orderId()))
                        .invoke(() -> count("compensated")))
                .onFailure().recoverWithUni(failure -> {
                    LOG.infof("Checkout %s not settled yet: %s", checkout.orderId(), failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private void count(String outcome) {
        metrics.counter("orders.reconciled", "outcome", outcome).increment();
    }
}
