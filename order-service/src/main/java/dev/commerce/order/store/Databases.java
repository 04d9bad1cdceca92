package dev.commerce.order.store;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.order.config.OrderConfig;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The writer and reader pools and the rules for using them: transactions run once on the writer (a write
 * whose commit outcome is unknown must not be repeated blindly); idempotent work is retried with backoff
 * across connection loss and failover; whatever stays transient becomes {@link DatabaseUnavailableException}.
 */
@ApplicationScoped
public class Databases {

    private final Pool writer;
    private final Pool reader;
    private final OrderConfig.Db config;

    public Databases(Pool writer, @ReactiveDataSource(OrderPools.READER) Pool reader, OrderConfig config) {
        this.writer = writer;
        this.reader = reader;
        this.config = config.db();
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return DbFailures.once(writer.withTransaction(work));
    }

    /** A read, or a write that is safe to repeat, retried across transient failures. */
    public <T> Uni<T> idempotent(ReadFrom from, Function<SqlClient, Uni<T>> work) {
        Pool pool = from == ReadFrom.READER ? reader : writer;
        return DbFailures.retryingIdempotent(Uni.createFrom().deferred(() -> work.apply(pool)),
                config.readRetries(), config.readRetryBackoff());
    }

    /** An idempotent transaction on the writer (for example claiming outbox rows), retried like a read. */
    public <T> Uni<T> idempotentTransaction(Function<SqlConnection, Uni<T>> work) {
        return DbFailures.retryingIdempotent(Uni.createFrom().deferred(() -> writer.withTransaction(work)),
                config.readRetries(), config.readRetryBackoff());
    }

    public Duration retryAfter() {
        return config.retryAfter();
    }
}
