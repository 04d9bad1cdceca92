package dev.commerce.order.store;

import static dev.commerce.order.store.OrderStore.instant;
import static dev.commerce.order.store.OrderStore.rowList;
import static dev.commerce.order.store.OrderStore.tuple;
import static dev.commerce.order.store.OrderStore.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.order.domain.OutboxEntry;
import dev.commerce.order.domain.OutboxTask;
import dev.commerce.order.domain.OutboxTaskKinds;
import dev.commerce.order.domain.OutboxTask.ClearCart;
import dev.commerce.order.domain.OutboxTask.CommitReservation;
import dev.commerce.order.domain.OutboxTask.ReleaseLock;
import dev.commerce.order.domain.OutboxTask.ReleaseReservation;
import dev.commerce.order.domain.OutboxTask.ReportPurchase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The transactional outbox. Rows are written in the transaction of the change that needs them and claimed by
 * workers with {@code FOR UPDATE SKIP LOCKED}: a claim leases a row to one worker (until {@code claimed_until})
 * under a fresh token, so concurrent workers on any number of instances never take the same row, and a worker
 * that dies only delays its rows until the lease runs out. Only the holder of the token can settle a row.
 */
@ApplicationScoped
public class OutboxStore {

    private static final String RETURNING = " returning id, order_id, kind, payload, attempts, claim_token, created_at";

    private final Databases databases;

    public OutboxStore(Databases databases) {
        this.databases = databases;
    }

    /** Adds tasks inside the caller's transaction, due at once. */
    public Uni<Void> insert(SqlClient tx, List<OutboxTask> tasks) {
        if (tasks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = utc(Instant.now());
        List<Tuple> rows = tasks.stream()
                .map(task -> tuple(task.orderId(), OutboxTaskKinds.of(task), payload(task), now, now))
                .toList();
        return tx.preparedQuery("insert into outbox (order_id, kind, payload, next_attempt_at, created_at) values ($1, $2, $3, $4, $5)")
                .executeBatch(rows).replaceWithVoid();
    }

    /** Claims up to {@code limit} rows due at {@code asOf}, oldest first, skipping rows other workers hold. */
    public Uni<List<OutboxEntry>> claimDue(Instant asOf, int limit, Duration lease) {
        return claim("status = 'PENDING' and next_attempt_at <= $3 order by next_attempt_at, id limit $4",
                tuple(UUID.randomUUID(), lease.toMillis(), utc(asOf), limit));
    }

    /** Claims the pending rows of one order (run right after the order's own transaction). */
    public Uni<List<OutboxEntry>> claimForOrder(UUID orderId, Duration lease) {
        return claim("status = 'PENDING' and order_id = $3 order by id", tuple(UUID.randomUUID(), lease.toMillis(), orderId));
    }

    private Uni<List<OutboxEntry>> claim(String candidates, Tuple args) {
        String sql = "update outbox set claim_token = $1, claimed_until = now() + $2::bigint * interval '1 millisecond', attempts = attempts + 1"
                + " where id in (select id from outbox where (claimed_until is null or claimed_until < now()) and " + candidates
                + " for update skip locked)" + RETURNING;
        return databases.idempotentTransaction(tx -> tx.preparedQuery(sql).execute(args)
                .map(rows -> rowList(rows).stream().map(OutboxStore::entry)
                        .sorted((a, b) -> Long.compare(a.id(), b.id())).toList()));
    }

    public Uni<Boolean> markDone(OutboxEntry entry) {
        return settle("status = 'DONE', processed_at = now(), claimed_until = null, last_error = null", entry, tuple());
    }

    public Uni<Boolean> retryLater(OutboxEntry entry, Instant nextAttempt, String error) {
        return settle("next_attempt_at = $3, claimed_until = null, last_error = $4", entry, tuple(utc(nextAttempt), truncate(error)));
    }

    /** A permanent failure: kept for an operator, never retried. */
    public Uni<Boolean> markFailed(OutboxEntry entry, String error) {
        return settle("status = 'FAILED', processed_at = now(), claimed_until = null, last_error = $3", entry, tuple(truncate(error)));
    }

    private Uni<Boolean> settle(String assignments, OutboxEntry entry, Tuple extra) {
        Tuple args = Tuple.of(entry.id(), entry.claimToken());
        for (int i = 0; i < extra.size(); i++) {
            args.addValue(extra.getValue(i));
        }
        return databases.idempotent(ReadFrom.WRITER, client -> client
                .preparedQuery("update outbox set " + assignments + " where id = $1 and claim_token = $2 and status = 'PENDING'")
                .execute(args)
                .map(rows -> rows.rowCount() == 1));
    }

    public Uni<Long> countPending() {
        return databases.idempotent(ReadFrom.WRITER, client -> client
                .query("select count(*) from outbox where status = 'PENDING'").execute()
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    public Uni<Integer> deleteProcessedBefore(Instant cutoff) {
        return databases.idempotent(ReadFrom.WRITER, client -> client
                .preparedQuery("delete from outbox where status = 'DONE' and processed_at < $1").execute(Tuple.of(utc(cutoff)))
                .map(rows -> rows.rowCount()));
    }

    static JsonObject payload(OutboxTask task) {
        return switch (task) {
            case CommitReservation c -> new JsonObject();
            case ReleaseReservation r -> new JsonObject();
            case ClearCart c -> new JsonObject().put("sessionId", c.sessionId());
            case ReleaseLock l -> new JsonObject().put("name", l.name()).put("token", l.token());
            case ReportPurchase p -> new JsonObject().put("items", new JsonArray(p.items().stream()
                    .map(item -> new JsonObject().put("productId", item.productId()).put("quantity", item.quantity()))
                    .toList()));
        };
    }

    static OutboxTask task(UUID orderId, String kind, JsonObject payload) {
        return switch (kind) {
            case "COMMIT_RESERVATION" -> new CommitReservation(orderId);
            case "RELEASE_RESERVATION" -> new ReleaseReservation(orderId);
            case "CLEAR_CART" -> new ClearCart(orderId, payload.getString("sessionId"));
            case "RELEASE_LOCK" -> new ReleaseLock(orderId, payload.getString("name"), payload.getString("token"));
            case "REPORT_PURCHASE" -> new ReportPurchase(orderId, payload.getJsonArray("items").stream()
                    .map(JsonObject.class::cast)
                    .map(item -> new ReportPurchase.Item(item.getString("productId"), item.getInteger("quantity")))
                    .toList());
            default -> throw new IllegalStateException("Unknown outbox kind " + kind);
        };
    }

    private static OutboxEntry entry(Row row) {
        return new OutboxEntry(row.getLong("id"), task(row.getUUID("order_id"), row.getString("kind"), row.getJsonObject("payload")),
                row.getInteger("attempts"), row.getUUID("claim_token"), instant(row, "created_at"));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }
}
