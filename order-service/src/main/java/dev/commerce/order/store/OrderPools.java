package dev.commerce.order.store;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.commerce.order.config.OrderConfig;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Builds the writer and reader pools from Quarkus' datasource settings plus what those settings cannot say:
 * a bounded wait for a connection, a bounded wait queue, per-session timeouts sent on connect, and credentials
 * resolved for every new connection (so IAM tokens and rotated secrets are always current).
 */
@ApplicationScoped
public class OrderPools {

    public static final String READER = "reader";

    @Produces
    @Singleton
    PgPoolCreator writerPool(OrderConfig config, DatabaseCredentials credentials) {
        return input -> create(input, config.db(), credentials, "writer");
    }

    @Produces
    @Singleton
    @ReactiveDataSource(READER)
    PgPoolCreator readerPool(OrderConfig config, DatabaseCredentials credentials) {
        return input -> create(input, config.db(), credentials, READER);
    }

    @SuppressWarnings("deprecation") // Quarkus' creator contract still returns the PgPool type.
    private static PgPool create(PgPoolCreator.Input input, OrderConfig.Db db, DatabaseCredentials credentials, String role) {
        PoolOptions pool = new PoolOptions(input.poolOptions())
                .setMaxWaitQueueSize(db.maxWaitQueue())
                .setConnectionTimeout((int) db.connectionTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        PgConnectOptions base = new PgConnectOptions(input.pgConnectOptionsList().getFirst())
                .addProperty("application_name", "order-service-" + role)
                .addProperty("statement_timeout", Long.toString(db.statementTimeout().toMillis()))
                .addProperty("idle_in_transaction_session_timeout", Long.toString(db.idleInTransactionTimeout().toMillis()));
        return PgPool.pool(input.vertx(), () -> credentials.connectOptions(input.vertx(), base), pool);
    }
}
