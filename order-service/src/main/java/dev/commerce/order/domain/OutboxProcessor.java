package dev.commerce.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.commerce.order.client.CatalogGateway;
import dev.commerce.order.client.CatalogGateway.CommitOutcome;
import dev.commerce.order.client.CatalogGateway.ReleaseOutcome;
import dev.commerce.order.client.SessionClient;
import dev.commerce.order.client.SessionGateway;
import dev.commerce.order.config.OrderConfig;
import dev.commerce.order.domain.OutboxTask.ClearCart;
import dev.commerce.order.domain.OutboxTask.CommitReservation;
import dev.commerce.order.domain.OutboxTask.ReleaseLock;
import dev.commerce.order.domain.OutboxTask.ReleaseReservation;
import dev.commerce.order.domain.OutboxTask.ReportPurchase;
import dev.commerce.order.store.OutboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Carries out claimed outbox rows. A failed step is retried later with exponential backoff (a downstream outage
 * delays it, never loses it); only an answer that no retry can change marks a row FAILED for an operator.
 */
@ApplicationScoped
public class OutboxProcessor {

    private static final Logger LOG = Logger.getLogger(OutboxProcessor.class);

    private final OutboxStore outbox;
    private final CatalogGateway catalog;
    private final SessionGateway session;
    private final OrderConfig.Outbox config;
    private final Backoff backoff;
    private final MeterRegistry metrics;

    public OutboxProcessor(OutboxStore outbox, CatalogGateway catalog, SessionGateway session, OrderConfig config,
            MeterRegistry metrics) {
        this.outbox = outbox;
        this.catalog = catalog;
        this.session = session;
        this.config = config.outbox();
        this.backoff = new Backoff(this.config.initialBackoff(), this.config.maxBackoff());
        this.metrics = metrics;
    }

    /** Runs the pending steps of one order right after its transaction; whatever fails stays for the worker. */
    public Uni<Void> processOrder(UUID orderId) {
        return outbox.claimForOrder(orderId, config.lease())
                .chain(this::processAll)
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("Post-commit steps of order %s left to the outbox worker: %s", orderId, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Claims and runs one batch of due rows; returns how many were claimed. */
    public Uni<Integer> processDue() {
        return outbox.claimDue(Instant.now(), config.batchSize(), config.lease())
                .call(this::processAll)
                .map(List::size);
    }

    Uni<Void> processAll(List<OutboxEntry> entries) {
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(this::process)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> process(OutboxEntry entry) {
        return perform(entry)
                .call(outcome -> settle(entry, outcome))
                .invoke(outcome -> count(entry, outcome.name().toLowerCase(Locale.ROOT)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    Duration wait = backoff.after(entry.attempts());
                    LOG.infof("Outbox %s of order %s failed (attempt %d), next try in %s: %s", OutboxTaskKinds.of(entry.task()),
                            entry.task().orderId(), entry.attempts(), wait, failure.toString());
                    count(entry, "retry");
                    return outbox.retryLater(entry, Instant.now().plus(wait), failure.toString())
                            .replaceWithVoid()
                            .onFailure().recoverWithNull();
                });
    }

    private Uni<Boolean> settle(OutboxEntry entry, Outcome outcome) {
        return switch (outcome) {
            case DONE -> outbox.markDone(entry);
            case NOT_YET -> outbox.retryLater(entry, Instant.now().plus(backoff.after(entry.attempts())), "not found yet");
            case IMPOSSIBLE -> outbox.markFailed(entry, "catalog-service has no reservation to commit");
        };
    }

    private enum Outcome {
        DONE, NOT_YET, IMPOSSIBLE
    }

    private Uni<Outcome> perform(OutboxEntry entry) {
        return switch (entry.task()) {
            case CommitReservation commit -> catalog.commit(commit.orderId()).map(outcome -> {
                if (outcome == CommitOutcome.RELEASED) {
                    // The order was cancelled (its release ran first) or the reservation expired: nothing to commit.
                    LOG.warnf("Reservation of order %s was already released; not committed", commit.orderId());
                }
                return outcome == CommitOutcome.NOT_FOUND ? Outcome.IMPOSSIBLE : Outcome.DONE;
            });
            case ReleaseReservation release -> catalog.release(release.orderId()).map(outcome -> outcome == ReleaseOutcome.NOT_FOUND
                    && entry.createdAt().plus(config.releaseNotFoundGrace()).isAfter(Instant.now())
                            ? Outcome.NOT_YET
                            : Outcome.DONE);
            case ClearCart clear -> session.clearCart(clear.sessionId()).replaceWith(Outcome.DONE);
            case ReleaseLock lock -> session.releaseLock(lock.name(), lock.token()).replaceWith(Outcome.DONE);
            case ReportPurchase report -> session.reportPurchase(report.orderId(), report.items().stream()
                    .map(item -> new SessionClient.Item(item.productId(), item.quantity())).toList()).replaceWith(Outcome.DONE);
        };
    }

    private void count(OutboxEntry entry, String result) {
        metrics.counter("orders.outbox.steps", "kind", OutboxTaskKinds.of(entry.task()), "result", result).increment();
    }
}
