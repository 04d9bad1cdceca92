package dev.commerce.session.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.commerce.common.api.ProblemException;
import dev.commerce.session.config.SessionConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * Every Redis call of the service goes through here: bounded by the operation timeout, and an unreachable or
 * recovering Redis becomes a 503 problem with Retry-After instead of a hang or a 500.
 */
@ApplicationScoped
public class RedisCalls {

    private static final Logger LOG = Logger.getLogger(RedisCalls.class);
    /** Error replies that mean "not now" rather than "wrong command". */
    private static final List<String> TRANSIENT_ERRORS = List.of("LOADING", "CLUSTERDOWN", "TRYAGAIN", "MASTERDOWN",
            "READONLY", "BUSY");

    private final ReactiveRedisDataSource redis;
    private final SessionConfig.Store config;
    private final Counter unavailable;

    public RedisCalls(ReactiveRedisDataSource redis, SessionConfig config, MeterRegistry metrics) {
        this.redis = redis;
        this.config = config.store();
        this.unavailable = Counter.builder("session.store.unavailable")
                .description("Requests answered 503 because Redis could not be reached in time")
                .register(metrics);
    }

    public ReactiveRedisDataSource dataSource() {
        return redis;
    }

    Uni<Response> command(Command command, String... args) {
        return guard(redis.execute(command, args));
    }

    /** Runs a script by its SHA-1, loading it on the first call and again after Redis lost its script cache. */
    Uni<Response> eval(LuaScript script, List<String> keys, List<String> args) {
        Uni<Response> call = redis.execute(Command.EVALSHA, evalArgs(script.sha1(), keys, args))
                .onFailure(RedisCalls::isNoScript)
                .recoverWithUni(() -> redis.execute(Command.EVAL, evalArgs(script.source(), keys, args)));
        return guard(call);
    }

    <T> Uni<T> guard(Uni<T> call) {
        return call.ifNoItem().after(config.operationTimeout()).fail()
                .onFailure(failure -> !(failure instanceof ProblemException) && !isCommandError(failure))
                .transform(this::storeUnavailable);
    }

    private Throwable storeUnavailable(Throwable cause) {
        unavailable.increment();
        LOG.debugf("Redis unavailable: %s", cause.toString());
        return ProblemException.unavailable("The session store is temporarily unavailable",
                (int) Math.max(1, config.retryAfter().toSeconds()));
    }

    private static String[] evalArgs(String script, List<String> keys, List<String> args) {
        List<String> all = new ArrayList<>(2 + keys.size() + args.size());
        all.add(script);
        all.add(Integer.toString(keys.size()));
        all.addAll(keys);
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    private static boolean isNoScript(Throwable failure) {
        return failure instanceof io.vertx.redis.client.Response reply && reply.type() == ResponseType.ERROR
                && failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    /** A Redis error reply to a command the service got wrong: a bug to surface as 500, not an outage. */
    private static boolean isCommandError(Throwable failure) {
        if (failure instanceof io.vertx.redis.client.Response reply && reply.type() == ResponseType.ERROR) {
            String message = failure.getMessage() == null ? "" : failure.getMessage();
            return TRANSIENT_ERRORS.stream().noneMatch(message::startsWith);
        }
        return false;
    }

    static long asLong(Response response) {
        return response == null ? 0 : response.toLong();
    }

    static String asString(Response response) {
        return response == null ? null : response.toString();
    }
}
