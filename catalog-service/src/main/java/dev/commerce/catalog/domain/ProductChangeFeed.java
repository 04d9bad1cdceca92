package dev.commerce.catalog.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.commerce.catalog.client.SessionGateway;
import dev.commerce.catalog.config.CatalogConfig;
import dev.commerce.catalog.store.CatalogStream;
import dev.commerce.catalog.store.CatalogTable;
import dev.commerce.catalog.store.CategoryStore;
import dev.commerce.catalog.store.StreamLease;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Follows product changes on the table's stream: keeps the per-category counts and tells session-service to drop
 * its cached snapshot of each changed product.
 * <p>
 * With several instances, one consumes at a time: the one holding the stream lease (a conditional-write lease
 * item, renewed while consuming, given up on shutdown). The others stand by and take over from the shard
 * checkpoints once the lease lapses. Counts are applied idempotently and invalidations are idempotent DELETEs,
 * so a batch read twice around a takeover or a failure does no harm.
 */
@ApplicationScoped
public class ProductChangeFeed {

    private static final Logger LOG = Logger.getLogger(ProductChangeFeed.class);

    private final CatalogTable table;
    private final CatalogStream stream;
    private final StreamLease lease;
    private final CategoryStore categories;
    private final SessionGateway snapshots;
    private final CatalogConfig config;
    private final MeterRegistry metrics;
    private final String instance = UUID.randomUUID().toString();
    private volatile Instant leaseUntil = Instant.EPOCH;

    public ProductChangeFeed(CatalogTable table, CatalogStream stream, StreamLease lease, CategoryStore categories, SessionGateway snapshots,
            CatalogConfig config, MeterRegistry metrics) {
        this.table = table;
        this.stream = stream;
        this.lease = lease;
        this.categories = categories;
        this.snapshots = snapshots;
        this.config = config;
        this.metrics = metrics;
        Gauge.builder("catalog.stream.leader", this, feed -> feed.leading() ? 1 : 0)
                .description("1 while this instance consumes the table's stream").register(metrics);
        Gauge.builder("catalog.stream.lag", stream, s -> s.lag().toMillis() / 1000.0).baseUnit("seconds")
                .description("Age of the newest stream record read").register(metrics);
    }

    @Scheduled(identity = "product-change-feed", every = "${catalog.stream.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.stream().enabled() || !table.ready() || !holdLease(Instant.now())) {
            return;
        }
        try {
            stream.poll(this::apply);
        } catch (RuntimeException e) {
            metrics.counter("catalog.stream.failures").increment();
            LOG.warnf("Stream batch not finished (%s); it will be read again from the checkpoint", e.toString());
        }
    }

    /** Gives up the lease (another instance takes over at once) and forgets read positions; used at shutdown. */
    public void stepDown() {
        if (leading()) {
            lease.release(instance);
        }
        leaseUntil = Instant.EPOCH;
        stream.forget();
    }

    void onStop(@Observes ShutdownEvent event) {
        stepDown();
    }

    private void apply(List<ProductChange> changes) {
        Set<String> changed = new LinkedHashSet<>();
        for (ProductChange change : changes) {
            if (change.movesCount()) {
                categories.count(change.productId(), change.sequence(), change.countedIn());
            }
            changed.add(change.productId());
        }
        for (String productId : changed) {
            snapshots.invalidate(productId);
            metrics.counter("catalog.stream.invalidations").increment();
        }
    }

    /**
     * Renews the lease when half of it has run; a standby instance only reads the lease item and tries to take
     * it once it has lapsed, so standing by costs reads, not failed conditional writes.
     */
    private boolean holdLease(Instant now) {
        Duration duration = config.stream().leaseDuration();
        if (leaseUntil.minus(duration.dividedBy(2)).isAfter(now)) {
            return true;
        }
        boolean mayTake = leading() || lease.holder().map(h -> h.owner().equals(instance) || h.until().isBefore(now)).orElse(true);
        if (mayTake && lease.acquire(instance, now, now.plus(duration))) {
            leaseUntil = now.plus(duration);
            return true;
        }
        leaseUntil = Instant.EPOCH;
        stream.forget();
        return false;
    }

    private boolean leading() {
        return leaseUntil.isAfter(Instant.now());
    }
}
