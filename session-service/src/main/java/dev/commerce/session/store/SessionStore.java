package dev.commerce.session.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.session.domain.Session;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;

/**
 * Sessions in Redis: one hash per session ({@code session:{id}}) whose TTL is the idle timeout capped by the absolute
 * expiry, and one bounded sorted set per subject ({@code subject-sessions:{subject}}) for listing and revoking.
 */
@ApplicationScoped
public class SessionStore {

    private static final LuaScript CREATE = LuaScript.of("session-create", """
            -- KEYS: session | ARGV: token hash, subject, guest, now, expires at, ttl ms
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'tokenHash', ARGV[1], 'subject', ARGV[2], 'guest', ARGV[3],
                'createdAt', ARGV[4], 'lastSeenAt', ARGV[4], 'expiresAt', ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            return 1
            """);

    private static final LuaScript INDEX = LuaScript.of("session-index", """
            -- KEYS: subject index | ARGV: session id, expires at, now, max entries, index ttl ms
            -- Drops entries past their absolute expiry, adds the new one, and evicts the oldest beyond the bound.
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            local overflow = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
            local evicted = {}
            if overflow > 0 then
              evicted = redis.call('ZRANGE', KEYS[1], 0, overflow - 1)
              redis.call('ZREMRANGEBYRANK', KEYS[1], 0, overflow - 1)
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return evicted
            """);

    private static final LuaScript TOUCH = LuaScript.of("session-touch", """
            -- KEYS: session, cart | ARGV: token hash, now, idle timeout ms, '1' to return the cart
            -- Authenticates the token and slides the idle expiry of the session and its cart together.
            local s = redis.call('HMGET', KEYS[1], 'tokenHash', 'subject', 'guest', 'createdAt', 'expiresAt')
            if not s[1] or s[1] ~= ARGV[1] then return false end
            local now = tonumber(ARGV[2])
            local remaining = tonumber(s[5]) - now
            if remaining <= 0 then
              redis.call('DEL', KEYS[1], KEYS[2])
              return false
            end
            local ttl = math.min(tonumber(ARGV[3]), remaining)
            redis.call('HSET', KEYS[1], 'lastSeenAt', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ttl)
            redis.call('PEXPIRE', KEYS[2], ttl)
            local reply = {s[2], s[3], s[4], s[5], now + ttl}
            if ARGV[4] == '1' then reply[6] = redis.call('HGETALL', KEYS[2]) end
            return reply
            """);

    private static final LuaScript DESCRIBE = LuaScript.of("session-describe", """
            -- KEYS: session | the session's public fields and remaining TTL, without touching it
            local s = redis.call('HMGET', KEYS[1], 'subject', 'guest', 'createdAt', 'lastSeenAt', 'expiresAt')
            if not s[1] then return false end
            return {s[1], s[2], s[3], s[4], s[5], redis.call('PTTL', KEYS[1])}
            """);

    private final RedisCalls redis;

    public SessionStore(RedisCalls redis) {
        this.redis = redis;
    }

    /** Stores a new session; false if its id is taken (a 128-bit collision, so in practice never). */
    public Uni<Boolean> create(Session session, String tokenHash, Duration ttl) {
        return redis.eval(CREATE, List.of(Keys.session(session.id())), List.of(tokenHash, session.subject(),
                        session.guest() ? "1" : "0", millis(session.createdAt()), millis(session.expiresAt()),
                        Long.toString(ttl.toMillis())))
                .map(reply -> RedisCalls.asLong(reply) == 1);
    }

    /** Adds a session to its subject's index and returns the ids evicted to keep the index bounded. */
    public Uni<List<String>> index(Session session, int maxEntries, Duration indexTtl) {
        return redis.eval(INDEX, List.of(Keys.subjectSessions(session.subject())), List.of(session.id(),
                        millis(session.expiresAt()), millis(session.createdAt()), Integer.toString(maxEntries),
                        Long.toString(indexTtl.toMillis())))
                .map(SessionStore::strings);
    }

    /**
     * The session the token belongs to, with its idle expiry moved forward, or empty when the token is unknown or
     * the session has expired. With {@code withCart}, also the cart's raw hash (product id to quantity, plus version).
     */
    public Uni<Optional<Touched>> touch(String sessionId, String tokenHash, Instant now, Duration idleTimeout,
            boolean withCart) {
        return redis.eval(TOUCH, List.of(Keys.session(sessionId), Keys.cart(sessionId)),
                        List.of(tokenHash, millis(now), Long.toString(idleTimeout.toMillis()), withCart ? "1" : "0"))
                .map(reply -> {
                    if (reply == null) {
                        return Optional.empty();
                    }
                    Session session = new Session(sessionId, reply.get(0).toString(), "1".equals(reply.get(1).toString()),
                            instant(reply.get(2)), now, instant(reply.get(3)), instant(reply.get(4)));
                    Map<String, String> cart = withCart ? pairs(reply.get(5)) : Map.of();
                    return Optional.of(new Touched(session, cart));
                });
    }

    /** A session as stored, without extending it (for listings). */
    public Uni<Optional<Session>> describe(String sessionId, Instant now) {
        return redis.eval(DESCRIBE, List.of(Keys.session(sessionId)), List.of())
                .map(reply -> reply == null ? Optional.<Session>empty() : Optional.of(new Session(sessionId,
                        reply.get(0).toString(), "1".equals(reply.get(1).toString()), instant(reply.get(2)),
                        instant(reply.get(3)), instant(reply.get(4)), now.plusMillis(Math.max(0, reply.get(5).toLong())))));
    }

    public Uni<Boolean> exists(String sessionId) {
        return redis.command(Command.EXISTS, Keys.session(sessionId)).map(reply -> RedisCalls.asLong(reply) == 1);
    }

    /** Deletes the session and its cart (one slot); true if the session existed. */
    public Uni<Boolean> delete(String sessionId) {
        return redis.command(Command.DEL, Keys.session(sessionId), Keys.cart(sessionId))
                .map(reply -> RedisCalls.asLong(reply) > 0);
    }

    public Uni<List<String>> indexed(String subject) {
        return redis.command(Command.ZRANGE, Keys.subjectSessions(subject), "0", "-1").map(SessionStore::strings);
    }

    public Uni<Void> unindex(String subject, List<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>();
        args.add(Keys.subjectSessions(subject));
        args.addAll(sessionIds);
        return redis.command(Command.ZREM, args.toArray(String[]::new)).replaceWithVoid();
    }

    /** A touched session and, when asked for, its cart's raw hash. */
    public record Touched(Session session, Map<String, String> cart) {
    }

    static List<String> strings(Response reply) {
        List<String> values = new ArrayList<>();
        if (reply != null) {
            reply.forEach(item -> values.add(item.toString()));
        }
        return values;
    }

    /** A flat [field, value, field, value...] reply, as HGETALL gives inside a script. */
    static Map<String, String> pairs(Response reply) {
        Map<String, String> map = new LinkedHashMap<>();
        if (reply != null) {
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                map.put(reply.get(i).toString(), reply.get(i + 1).toString());
            }
        }
        return map;
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(Response reply) {
        return Instant.ofEpochMilli(Long.parseLong(reply.toString()));
    }
}
