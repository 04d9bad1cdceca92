package dev.commerce.order.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.order.support.FakeDependenciesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Flyway builds the schema on an empty database, and the real queries use the indexes made for them. */
@QuarkusTest
@QuarkusTestResource(FakeDependenciesResource.class)
class MigrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @Test
    void migrationsRanFromEmptyAndCreatedEveryTableAndIndex() {
        List<String> applied = strings("select version || ':' || success from flyway_schema_history where version is not null order by installed_rank");
        assertThat(applied).containsExactly("1:true");
        assertThat(strings("select tablename from pg_tables where schemaname = 'public' order by tablename"))
                .contains("idempotency_records", "order_lines", "order_status_history", "orders", "outbox");
        assertThat(strings("select indexname from pg_indexes where schemaname = 'public'"))
                .contains("orders_customer_created", "orders_pending", "outbox_due", "idempotency_in_progress");
    }

    @Test
    void customerListingAndOutboxClaimUseTheirIndexes() {
        String listing = plan("explain select * from orders where customer_id = 'x' and (created_at, id) < (now(), gen_random_uuid())"
                + " order by created_at desc, id desc limit 21");
        assertThat(listing).contains("orders_customer_created");
        String pending = plan("explain select * from orders where status = 'PENDING' order by created_at desc, id desc limit 21");
        assertThat(pending).contains("orders_pending");
        String due = plan("explain select id from outbox where status = 'PENDING' and next_attempt_at <= now()"
                + " order by next_attempt_at, id limit 50 for update skip locked");
        assertThat(due).contains("outbox_due");
    }

    /** The plan with sequential scans priced out, as on a table large enough for an index to matter. */
    private String plan(String explain) {
        return pool.withTransaction(tx -> tx.query("set local enable_seqscan = off").execute()
                        .chain(() -> tx.query(explain).execute()))
                .map(rows -> {
                    StringBuilder text = new StringBuilder();
                    for (Row row : rows) {
                        text.append(row.getString(0)).append('\n');
                    }
                    return text.toString();
                })
                .await().atMost(WAIT);
    }

    private List<String> strings(String sql) {
        return pool.query(sql).execute().map(rows -> {
            List<String> values = new java.util.ArrayList<>();
            rows.forEach(row -> values.add(row.getString(0)));
            return values;
        }).await().atMost(WAIT);
    }
}
