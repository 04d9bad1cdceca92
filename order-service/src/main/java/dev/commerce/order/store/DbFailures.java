package dev.commerce.order.store;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells transient database failures (connection refused or lost, failover, pool exhausted, server restarting)
 * from errors in the work itself, and applies the retry policy for idempotent work.
 */
public final class DbFailures {

    /**
     * SQLSTATEs that say "try again": connection exceptions (08), operator intervention such as shutdown or
     * statement timeout (57), insufficient resources (53), and a read-only transaction, which after an Aurora
     * failover means the connection still points at the old writer.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("25006", "40001", "40P01");

    private DbFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null && (state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                        || TRANSIENT_STATES.contains(state));
            }
            if (t instanceof DatabaseUnavailableException || t instanceof ConnectException || t instanceof IOException
                    || t instanceof ClosedConnectionException || t instanceof ConnectionPoolTooBusyException
                    || t instanceof TimeoutException || mentionsLostConnection(t)) {
                return true;
            }
        }
        return false;
    }

    /** The client reports a connection dropped mid-exchange only in its message. */
    private static boolean mentionsLostConnection(Throwable t) {
        String message = t.getMessage();
        return (t instanceof VertxException || t instanceof NoStackTraceThrowable) && message != null
                && message.toLowerCase(Locale.ROOT).contains("connection");
    }

    /** Transient failures become {@link DatabaseUnavailableException}; other failures pass unchanged. */
    public static Throwable translate(Throwable failure) {
        return isTransient(failure) && !(failure instanceof DatabaseUnavailableException)
                ? new DatabaseUnavailableException(failure)
                : failure;
    }

    /** For work that is safe to repeat (reads, idempotent updates): retried with backoff, then translated. */
    public static <T> Uni<T> retryingIdempotent(Uni<T> work, int retries, Duration backoff) {
        Uni<T> attempt = work;
        if (retries > 0) {
            attempt = work.onFailure(DbFailures::isTransient).retry()
                    .withBackOff(backoff, backoff.multipliedBy(10)).atMost(retries);
        }
        return attempt.onFailure().transform(DbFailures::translate);
    }

    /** For work that must not be repeated blindly (a write whose commit may have happened). */
    public static <T> Uni<T> once(Uni<T> work) {
        return work.onFailure().transform(DbFailures::translate);
    }
}
