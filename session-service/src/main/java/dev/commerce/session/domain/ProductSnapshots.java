package dev.commerce.session.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.commerce.session.client.CatalogGateway;
import dev.commerce.session.config.SessionConfig;
import dev.commerce.session.store.SnapshotStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Product snapshots, cache-aside: read Redis; on a miss or an expired entry, load from catalog-service and write
 * back with TTL plus random jitter. Concurrent misses for a product share one load (per instance). An expired
 * entry is kept for {@code stale-for} so that, while catalog-service is unavailable, carts still show it, marked
 * stale.
 */
@ApplicationScoped
public class ProductSnapshots {

    private static final Logger LOG = Logger.getLogger(ProductSnapshots.class);
    /** Waiters give up on a load after this; the catalog call itself is bounded far below it. */
    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    private final SnapshotStore store;
    private final CatalogGateway catalog;
    private final SessionConfig.Snapshots config;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, CompletableFuture<ProductLookup>> loading = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter staleServed;
    private final Counter loads;
    private final Counter coalesced;

    public ProductSnapshots(SnapshotStore store, CatalogGateway catalog, SessionConfig config, ObjectMapper json,
            Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.catalog = catalog;
        this.config = config.snapshots();
        this.json = json;
        this.clock = clock;
        this.hits = counter(metrics, "hit", "Snapshot found fresh in Redis");
        this.misses = counter(metrics, "miss", "Snapshot absent or expired in Redis");
        this.staleServed = counter(metrics, "stale", "Expired snapshot served because catalog-service was unavailable");
        this.loads = counter(metrics, "load", "Products requested from catalog-service");
        this.coalesced = counter(metrics, "coalesced", "Misses that joined a load already in flight");
    }

    private static Counter counter(MeterRegistry metrics, String outcome, String description) {
        return Counter.builder("session.snapshots").tag("outcome", outcome).description(description).register(metrics);
    }

    /** The envelope stored in Redis: the product (null when catalog-service says it does not exist) and its freshness. */
    @RegisterForReflection
    record Envelope(ProductSnapshot product, long freshUntil) {
    }

    private record Cached(Optional<Envelope> envelope, String generation) {
    }

    /** What is known about each product, in the order asked. */
    public Uni<Map<String, ProductLookup>> lookup(List<String> productIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(productIds));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Cached>> reads = ids.stream().map(id -> store.read(id).map(this::decode)).toList();
        return Uni.join().all(reads).andFailFast().chain(cached -> {
            long now = clock.millis();
            Map<String, ProductLookup> known = new LinkedHashMap<>();
            Map<String, Cached> expired = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                Cached entry = cached.get(i);
                if (entry.envelope().isPresent() && entry.envelope().get().freshUntil() > now) {
                    hits.increment();
                    known.put(ids.get(i), fromEnvelope(entry.envelope().get(), false));
                } else {
                    misses.increment();
                    expired.put(ids.get(i), entry);
                }
            }
            if (expired.isEmpty()) {
                return Uni.createFrom().item(known);
            }
            return load(expired).map(loaded -> {
                Map<String, ProductLookup> result = new LinkedHashMap<>();
                for (String id : ids) {
                    result.put(id, known.containsKey(id) ? known.get(id) : orStale(loaded.get(id), expired.get(id)));
                }
                return result;
            });
        });
    }

    /** Forgets a product's snapshot; a load already in flight will not write back what it read before. */
    public Uni<Void> invalidate(String productId) {
        return store.invalidate(productId);
    }

    private ProductLookup orStale(ProductLookup loaded, Cached previous) {
        if (loaded instanceof ProductLookup.Unavailable && previous.envelope().isPresent()) {
            staleServed.increment();
            return fromEnvelope(previous.envelope().get(), true);
        }
        return loaded;
    }

    /**
     * Loads the products no other request of this instance is already loading, in one catalog call, and waits for
     * the rest to arrive from the loads in flight.
     */
    private Uni<Map<String, ProductLookup>> load(Map<String, Cached> expired) {
        Map<String, CompletableFuture<ProductLookup>> waits = new LinkedHashMap<>();
        Map<String, CompletableFuture<ProductLookup>> mine = new HashMap<>();
        expired.keySet().forEach(id -> {
            CompletableFuture<ProductLookup> created = new CompletableFuture<>();
            CompletableFuture<ProductLookup> running = loading.putIfAbsent(id, created);
            if (running == null) {
                mine.put(id, created);
                waits.put(id, created);
            } else {
                coalesced.increment();
                waits.put(id, running);
            }
        });
        if (!mine.isEmpty()) {
            startLoad(mine, expired);
        }
        List<String> ids = new ArrayList<>(waits.keySet());
        List<Uni<ProductLookup>> results = ids.stream()
                .map(id -> Uni.createFrom().completionStage(waits.get(id))
                        .ifNoItem().after(LOAD_WAIT).recoverWithItem(new ProductLookup.Unavailable())
                        .onFailure().recoverWithItem(new ProductLookup.Unavailable()))
                .toList();
        return Uni.join().all(results).andFailFast().map(values -> {
            Map<String, ProductLookup> byId = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                byId.put(ids.get(i), values.get(i));
            }
            return byId;
        });
    }

    /** Runs on its own: it completes for every waiter even if the request that started it goes away. */
    private void startLoad(Map<String, CompletableFuture<ProductLookup>> mine, Map<String, Cached> expired) {
        Set<String> ids = mine.keySet();
        loads.increment(ids.size());
        catalog.products(Set.copyOf(ids))
                .chain(batch -> writeBack(batch, ids, expired).replaceWith(batch))
                .subscribe().with(batch -> finish(mine, batch), failure -> {
                    LOG.warnf("Loading product snapshots failed: %s", failure.toString());
                    finish(mine, CatalogBatch.unavailable());
                });
    }

    private Uni<Void> writeBack(CatalogBatch batch, Set<String> ids, Map<String, Cached> expired) {
        if (!batch.available()) {
            return Uni.createFrom().voidItem();
        }
        long now = clock.millis();
        List<Uni<Boolean>> writes = new ArrayList<>();
        for (String id : ids) {
            ProductSnapshot product = batch.found().get(id);
            if (product == null && !batch.missing().contains(id)) {
                continue;
            }
            Duration fresh = product == null ? config.missingTtl() : config.ttl().plus(jitter());
            Duration kept = product == null ? fresh : fresh.plus(config.staleFor());
            writes.add(store.write(id, encode(new Envelope(product, now + fresh.toMillis())), kept,
                    expired.get(id).generation()));
        }
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // A failed write only costs a later miss; the loaded values are still good for the waiting requests.
        return Uni.join().all(writes).andCollectFailures().replaceWithVoid()
                .onFailure().invoke(failure -> LOG.debugf("Snapshot write-back failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private void finish(Map<String, CompletableFuture<ProductLookup>> mine, CatalogBatch batch) {
        mine.forEach((id, future) -> {
            loading.remove(id, future);
            ProductSnapshot product = batch.found().get(id);
            if (product != null) {
                future.complete(new ProductLookup.Found(product, false));
            } else if (batch.available() && batch.missing().contains(id)) {
                future.complete(new ProductLookup.Missing());
            } else {
                future.complete(new ProductLookup.Unavailable());
            }
        });
    }

    private Duration jitter() {
        long max = config.jitter().toMillis();
        return max <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(max + 1));
    }

    private static ProductLookup fromEnvelope(Envelope envelope, boolean stale) {
        return envelope.product() == null ? new ProductLookup.Missing() : new ProductLookup.Found(envelope.product(), stale);
    }

    private Cached decode(SnapshotStore.Cached cached) {
        return new Cached(cached.envelope().flatMap(this::decode), cached.generation());
    }

    private Optional<Envelope> decode(String text) {
        try {
            return Optional.of(json.readValue(text, Envelope.class));
        } catch (JsonProcessingException unreadable) {
            // An entry written by an older version: treat as a miss and let the load overwrite it.
            return Optional.empty();
        }
    }

    private String encode(Envelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a product snapshot", e);
        }
    }
}
