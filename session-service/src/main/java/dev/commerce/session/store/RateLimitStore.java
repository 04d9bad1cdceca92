package dev.commerce.session.store;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Sliding-window counters: one sorted set per policy and key ({@code ratelimit:<policy>:{key}}) holding the
 * admitted requests of the last window, scored by Redis server time so every instance agrees on the clock.
 */
@ApplicationScoped
public class RateLimitStore {

    private static final LuaScript HIT = LuaScript.of("rate-limit-hit", """
            -- KEYS: window set | ARGV: window ms, limit, unique member suffix
            -- Reply: {allowed 1|0, remaining, ms until the oldest admitted request leaves the window}
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local window = tonumber(ARGV[1])
            local limit = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local count = redis.call('ZCARD', KEYS[1])
            local allowed = 0
            if count < limit then
              redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
              count = count + 1
              allowed = 1
            end
            redis.call('PEXPIRE', KEYS[1], window)
            local reset = window
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            if oldest[2] then reset = tonumber(oldest[2]) + window - now end
            return {allowed, limit - count, reset}
            """);

    private final RedisCalls redis;

    public RateLimitStore(RedisCalls redis) {
        this.redis = redis;
    }

    public record Hit(boolean allowed, int remaining, Duration reset) {
    }

    /** Counts one request against the window if there is room; denied requests are not counted. */
    public Uni<Hit> hit(String policy, String key, int limit, Duration window) {
        return redis.eval(HIT, List.of(Keys.rateLimit(policy, key)),
                        List.of(Long.toString(window.toMillis()), Integer.toString(limit), UUID.randomUUID().toString()))
                .map(reply -> new Hit(reply.get(0).toLong() == 1, reply.get(1).toInteger(),
                        Duration.ofMillis(Math.max(0, reply.get(2).toLong()))));
    }
}
