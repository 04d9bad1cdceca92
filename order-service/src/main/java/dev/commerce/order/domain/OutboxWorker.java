package dev.commerce.order.domain;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.commerce.order.config.OrderConfig;
import dev.commerce.order.store.OutboxStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Drains due outbox rows on every instance; rows are claimed with SKIP LOCKED, so instances never share one. */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final OutboxProcessor processor;
    private final OrderConfig.Outbox config;
    private final OutboxStore outbox;
    private volatile long pending;

    public OutboxWorker(OutboxProcessor processor, OutboxStore outbox, OrderConfig config, MeterRegistry metrics) {
        this.processor = processor;
        this.config = config.outbox();
        this.outbox = outbox;
        Gauge.builder("orders.outbox.pending", () -> pending).register(metrics);
    }

    @Scheduled(every = "${order.outbox.poll-interval}", delayed = "${order.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return drain()
                .chain(() -> outbox.countPending()).invoke(count -> pending = count)
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("Outbox poll failed: %s", failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Processes batches until no due row is left. */
    public Uni<Void> drain() {
        return processor.processDue().chain(claimed -> claimed >= config.batchSize() ? drain() : Uni.createFrom().voidItem());
    }
}
