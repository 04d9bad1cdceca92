package dev.commerce.session.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Product snapshots cached aside: {@code product:{id}} holds the JSON envelope written by the cache, and
 * {@code product-gen:{id}} counts invalidations so a load that raced an invalidation is not written.
 */
@ApplicationScoped
public class SnapshotStore {

    /** Generation markers only need to outlive a load in flight. */
    private static final Duration GENERATION_TTL = Duration.ofMinutes(10);

    private static final LuaScript READ = LuaScript.of("snapshot-read", """
            -- KEYS: snapshot, generation | {envelope or '', generation}
            return {redis.call('GET', KEYS[1]) or '', redis.call('GET', KEYS[2]) or '0'}
            """);

    private static final LuaScript WRITE = LuaScript.of("snapshot-write", """
            -- KEYS: snapshot, generation | ARGV: envelope, ttl ms, generation seen before loading
            if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[3] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """);

    private static final LuaScript INVALIDATE = LuaScript.of("snapshot-invalidate", """
            -- KEYS: snapshot, generation | ARGV: generation ttl ms
            redis.call('DEL', KEYS[1])
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return 1
            """);

    private final RedisCalls redis;

    public SnapshotStore(RedisCalls redis) {
        this.redis = redis;
    }

    /** What the cache holds for a product, and the generation a loader must present to write it. */
    public record Cached(Optional<String> envelope, String generation) {
    }

    public Uni<Cached> read(String productId) {
        return redis.eval(READ, keys(productId), List.of()).map(reply -> {
            String envelope = reply.get(0).toString();
            return new Cached(envelope.isEmpty() ? Optional.empty() : Optional.of(envelope), reply.get(1).toString());
        });
    }

    /** Writes unless the product was invalidated since {@code generation} was read; true if written. */
    public Uni<Boolean> write(String productId, String envelope, Duration ttl, String generation) {
        return redis.eval(WRITE, keys(productId), List.of(envelope, Long.toString(ttl.toMillis()), generation))
                .map(reply -> RedisCalls.asLong(reply) == 1);
    }

    public Uni<Void> invalidate(String productId) {
        return redis.eval(INVALIDATE, keys(productId), List.of(Long.toString(GENERATION_TTL.toMillis()))).replaceWithVoid();
    }

    private static List<String> keys(String productId) {
        return List.of(Keys.product(productId), Keys.productGeneration(productId));
    }
}
