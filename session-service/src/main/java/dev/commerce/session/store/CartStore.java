package dev.commerce.session.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Carts in Redis: one hash per session ({@code cart:{sessionId}}), product id to quantity plus a {@code #version}
 * field, expiring with its session. Every change is one script over the session, the cart and the cart's
 * checkout lock, which share a hash tag.
 */
@ApplicationScoped
public class CartStore {

    /** Field holding the cart version; '#' never occurs in a product id. */
    public static final String VERSION_FIELD = "#version";

    private static final LuaScript MUTATE = LuaScript.of("cart-mutate", """
            -- KEYS: session, cart, cart lock
            -- ARGV: op (add|set|remove|clear), product id, quantity, max lines, max quantity, expected version or '',
            --       '1' to refuse while the cart is locked
            -- Reply: {outcome, version}; outcome 1 changed, 0 unchanged, -1 no session, -2 locked, -3 version mismatch,
            --        -4 quantity above max, -5 too many lines
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then return {-1, 0} end
            if ARGV[7] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then return {-2, 0} end
            local version = tonumber(redis.call('HGET', KEYS[2], '#version') or '0')
            if ARGV[6] ~= '' and tonumber(ARGV[6]) ~= version then return {-3, version} end
            local op = ARGV[1]
            if op == 'clear' then
              if redis.call('HLEN', KEYS[2]) <= 1 then return {0, version} end
              redis.call('DEL', KEYS[2])
              redis.call('HSET', KEYS[2], '#version', version + 1)
              redis.call('PEXPIRE', KEYS[2], ttl)
              return {1, version + 1}
            end
            local product = ARGV[2]
            local quantity = tonumber(ARGV[3])
            local current = tonumber(redis.call('HGET', KEYS[2], product) or '0')
            local target = quantity
            if op == 'add' then target = current + quantity elseif op == 'remove' then target = 0 end
            if target == current then return {0, version} end
            if target > tonumber(ARGV[5]) then return {-4, version} end
            if current == 0 then
              local lines = redis.call('HLEN', KEYS[2])
              if version > 0 then lines = lines - 1 end
              if lines >= tonumber(ARGV[4]) then return {-5, version} end
            end
            if target == 0 then
              redis.call('HDEL', KEYS[2], product)
            elseif op == 'add' then
              redis.call('HINCRBY', KEYS[2], product, quantity)
            else
              redis.call('HSET', KEYS[2], product, target)
            end
            version = redis.call('HINCRBY', KEYS[2], '#version', 1)
            redis.call('PEXPIRE', KEYS[2], ttl)
            return {1, version}
            """);

    private static final LuaScript READ = LuaScript.of("cart-read", """
            -- KEYS: session, cart | the session's subject and the cart hash, read together
            local subject = redis.call('HGET', KEYS[1], 'subject')
            if not subject then return false end
            return {subject, redis.call('HGETALL', KEYS[2])}
            """);

    private final RedisCalls redis;

    public CartStore(RedisCalls redis) {
        this.redis = redis;
    }

    public enum Operation {
        ADD, SET, REMOVE, CLEAR
    }

    public enum Outcome {
        CHANGED, UNCHANGED, NO_SESSION, LOCKED, VERSION_MISMATCH, QUANTITY_TOO_HIGH, TOO_MANY_LINES
    }

    public record Mutation(Outcome outcome, long version) {
    }

    public record Limits(int maxLines, int maxQuantity) {
    }

    /**
     * Applies one change atomically.
     *
     * @param expectedVersion when present, the change applies only to that cart version
     * @param respectLock     false for the internal clear made by the checkout that holds the lock
     */
    public Uni<Mutation> mutate(String sessionId, Operation operation, String productId, int quantity, Limits limits,
            OptionalLong expectedVersion, boolean respectLock) {
        return redis.eval(MUTATE, List.of(Keys.session(sessionId), Keys.cart(sessionId), Keys.cartLock(sessionId)),
                        List.of(operation.name().toLowerCase(), productId == null ? "" : productId,
                                Integer.toString(quantity), Integer.toString(limits.maxLines()),
                                Integer.toString(limits.maxQuantity()), expectedVersion.isPresent() ? Long.toString(expectedVersion.getAsLong()) : "",
                                respectLock ? "1" : "0"))
                .map(reply -> new Mutation(outcome(reply.get(0).toLong()), reply.get(1).toLong()));
    }

    /** The owner and raw cart hash of a session, or empty when there is no such session. */
    public Uni<Optional<Owned>> read(String sessionId) {
        return redis.eval(READ, List.of(Keys.session(sessionId), Keys.cart(sessionId)), List.of())
                .map(reply -> reply == null ? Optional.<Owned>empty()
                        : Optional.of(new Owned(reply.get(0).toString(), SessionStore.pairs(reply.get(1)))));
    }

    /** A cart with its owner's subject. */
    public record Owned(String subject, Map<String, String> cart) {
    }

    private static Outcome outcome(long code) {
        return switch ((int) code) {
            case 1 -> Outcome.CHANGED;
            case 0 -> Outcome.UNCHANGED;
            case -1 -> Outcome.NO_SESSION;
            case -2 -> Outcome.LOCKED;
            case -3 -> Outcome.VERSION_MISMATCH;
            case -4 -> Outcome.QUANTITY_TOO_HIGH;
            case -5 -> Outcome.TOO_MANY_LINES;
            default -> throw new IllegalStateException("Unknown cart script outcome " + code);
        };
    }
}
