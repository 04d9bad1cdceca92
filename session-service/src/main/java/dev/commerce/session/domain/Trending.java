package dev.commerce.session.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.session.store.TrendingStore;
import dev.commerce.session.store.TrendingStore.Bucket;
import dev.commerce.session.store.TrendingStore.Score;
import io.smallrye.mutiny.Uni;

/** The trending leaderboard: units purchased per product over the last hour and the last day. */
@ApplicationScoped
public class Trending {

    /** How long an order id is remembered so that a replayed report does not count twice. */
    static final Duration ORDER_MEMORY = Duration.ofHours(25);

    private final TrendingStore store;
    private final Clock clock;

    public Trending(TrendingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Item(String productId, int quantity) {
    }

    /** Counts an order's items once per order id (replays are ignored); true if counted now. */
    public Uni<Boolean> recordPurchase(String orderId, List<Item> items) {
        long now = clock.millis();
        List<Bucket> buckets = Arrays.stream(TrendingWindow.values())
                .map(window -> new Bucket(window.resolution(), window.bucketAt(now), window.bucketTtl()))
                .toList();
        Map<String, Integer> quantities = new LinkedHashMap<>();
        items.forEach(item -> quantities.merge(item.productId(), item.quantity(), Integer::sum));
        return store.record(orderId, ORDER_MEMORY, buckets, quantities);
    }

    public Uni<List<Score>> top(TrendingWindow window, int limit) {
        long current = window.bucketAt(clock.millis());
        List<Long> buckets = new ArrayList<>();
        for (long index = current - window.previousBuckets(); index <= current; index++) {
            buckets.add(index);
        }
        return store.top(window.resolution(), buckets, limit);
    }
}
