package dev.commerce.session.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * The trending leaderboard: purchases are added to time-bucketed sorted sets that expire after the window they
 * serve, and a window is read by merging its buckets. All trending keys share the {@code {trending}} hash tag so
 * the merge is one single-slot command.
 */
@ApplicationScoped
public class TrendingStore {

    private static final LuaScript RECORD = LuaScript.of("trending-record", """
            -- KEYS: order marker, then one bucket per resolution
            -- ARGV: marker ttl ms, one ttl ms per bucket, then product id, quantity pairs
            -- Reply: 1 recorded, 0 this order was already recorded
            if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
            local buckets = #KEYS - 1
            for i = buckets + 2, #ARGV, 2 do
              for b = 2, #KEYS do
                redis.call('ZINCRBY', KEYS[b], ARGV[i + 1], ARGV[i])
              end
            end
            for b = 2, #KEYS do
              redis.call('PEXPIRE', KEYS[b], ARGV[b])
            end
            return 1
            """);

    private static final LuaScript TOP = LuaScript.of("trending-top", """
            -- KEYS: scratch key, then the buckets of the window | ARGV: how many
            redis.call('ZUNIONSTORE', KEYS[1], #KEYS - 1, unpack(KEYS, 2))
            local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
            redis.call('DEL', KEYS[1])
            return top
            """);

    private final RedisCalls redis;

    public TrendingStore(RedisCalls redis) {
        this.redis = redis;
    }

    /** One bucket a purchase is added to: its resolution name, index and lifetime. */
    public record Bucket(String resolution, long index, Duration ttl) {
    }

    public record Score(String productId, long score) {
    }

    /** Adds an order's quantities to the buckets once per order id; false if the order was already counted. */
    public Uni<Boolean> record(String orderId, Duration orderMemory, List<Bucket> buckets, Map<String, Integer> quantities) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        keys.add(Keys.trendingOrder(orderId));
        args.add(Long.toString(orderMemory.toMillis()));
        for (Bucket bucket : buckets) {
            keys.add(Keys.trendingBucket(bucket.resolution(), bucket.index()));
            args.add(Long.toString(bucket.ttl().toMillis()));
        }
        quantities.forEach((productId, quantity) -> {
            args.add(productId);
            args.add(Integer.toString(quantity));
        });
        return redis.eval(RECORD, keys, args).map(reply -> RedisCalls.asLong(reply) == 1);
    }

    /** The highest summed scores over the given buckets of one resolution. */
    public Uni<List<Score>> top(String resolution, List<Long> bucketIndexes, int limit) {
        List<String> keys = new ArrayList<>();
        keys.add(Keys.trendingScratch(UUID.randomUUID().toString()));
        bucketIndexes.forEach(index -> keys.add(Keys.trendingBucket(resolution, index)));
        return redis.eval(TOP, keys, List.of(Integer.toString(limit))).map(reply -> {
            List<Score> scores = new ArrayList<>();
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                scores.add(new Score(reply.get(i).toString(), Math.round(Double.parseDouble(reply.get(i + 1).toString()))));
            }
            return scores;
        });
    }
}
