package dev.commerce.session.store;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Locks: {@code SET NX PX} with a random token as value; only the token holder may extend or release. */
@ApplicationScoped
public class LockStore {

    private static final LuaScript ACQUIRE = LuaScript.of("lock-acquire", """
            -- KEYS: lock | ARGV: token, ttl ms | {1, ttl} acquired, {0, remaining ms of the holder} otherwise
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {1, tonumber(ARGV[2])} end
            return {0, redis.call('PTTL', KEYS[1])}
            """);

    private static final LuaScript EXTEND = LuaScript.of("lock-extend", """
            -- KEYS: lock | ARGV: token, ttl ms | 1 extended, 0 not held with this token
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            return 0
            """);

    private static final LuaScript RELEASE = LuaScript.of("lock-release", """
            -- KEYS: lock | ARGV: token | 1 released, -1 already gone, 0 held with another token
            local holder = redis.call('GET', KEYS[1])
            if not holder then return -1 end
            if holder == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """);

    private final RedisCalls redis;

    public LockStore(RedisCalls redis) {
        this.redis = redis;
    }

    /** Acquired, or held by someone else for {@code remaining} more. */
    public record Attempt(boolean acquired, Duration remaining) {
    }

    public enum Release {
        RELEASED, ALREADY_GONE, WRONG_TOKEN
    }

    public Uni<Attempt> acquire(String name, String token, Duration ttl) {
        return redis.eval(ACQUIRE, List.of(Keys.lock(name)), List.of(token, Long.toString(ttl.toMillis())))
                .map(reply -> new Attempt(reply.get(0).toLong() == 1, Duration.ofMillis(Math.max(0, reply.get(1).toLong()))));
    }

    public Uni<Boolean> extend(String name, String token, Duration ttl) {
        return redis.eval(EXTEND, List.of(Keys.lock(name)), List.of(token, Long.toString(ttl.toMillis())))
                .map(reply -> RedisCalls.asLong(reply) == 1);
    }

    public Uni<Release> release(String name, String token) {
        return redis.eval(RELEASE, List.of(Keys.lock(name)), List.of(token)).map(reply -> switch ((int) RedisCalls.asLong(reply)) {
            case 1 -> Release.RELEASED;
            case -1 -> Release.ALREADY_GONE;
            default -> Release.WRONG_TOKEN;
        });
    }
}
