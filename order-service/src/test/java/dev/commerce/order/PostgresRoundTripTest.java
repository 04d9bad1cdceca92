package dev.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The reactive pool reaches the embedded PostgreSQL and a row written is read back. */
@QuarkusTest
class PostgresRoundTripTest {

    @Inject
    Pool pool;

    @Test
    void rowRoundTripsThroughTheReactivePool() {
        Row row = pool.withTransaction(conn -> conn.query("create temp table round_trip(v text) on commit drop").execute()
                        .chain(() -> conn.preparedQuery("insert into round_trip values ($1)").execute(Tuple.of("hello")))
                        .chain(() -> conn.query("select v, current_setting('server_version_num')::int as version from round_trip").execute()))
                .map(rows -> rows.iterator().next())
                .await().atMost(Duration.ofSeconds(10));

        assertThat(row.getString("v")).isEqualTo("hello");
        assertThat(row.getInteger("version")).isGreaterThanOrEqualTo(150000);
    }

    @Test
    void everyConnectionCarriesTheSessionTimeouts() {
        Row row = pool.query("select current_setting('statement_timeout') as statement,"
                        + " current_setting('idle_in_transaction_session_timeout') as idle, current_setting('application_name') as app")
                .execute()
                .map(rows -> rows.iterator().next())
                .await().atMost(Duration.ofSeconds(10));

        assertThat(row.getString("statement")).isEqualTo("5s");
        assertThat(row.getString("idle")).isEqualTo("10s");
        assertThat(row.getString("app")).isEqualTo("order-service-writer");
    }
}
