package dev.commerce.order.support;

import java.util.Map;

import dev.commerce.backends.Postgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An embedded PostgreSQL of the test's own, so the test can stop and restart it under the running application. */
public class OwnPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Postgres postgres;

    public static Postgres postgres() {
        return postgres;
    }

    @Override
    public Map<String, String> start() {
        postgres = new Postgres();
        postgres.start();
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                // Quick give-up while the server is away keeps the test short; production keeps the defaults.
                "order.db.connection-timeout", "1s",
                "order.db.read-retries", "2");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
