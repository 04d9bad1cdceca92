package dev.commerce.order.store;

import static dev.commerce.order.store.OrderStore.rowList;
import static dev.commerce.order.store.OrderStore.tuple;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Idempotency records of checkout, one per (customer, Idempotency-Key). The first request inserts the record
 * IN_PROGRESS with the order id it will use and a lease; the order's own transaction turns it COMPLETED with the
 * response that later requests replay. A lease that runs out means the request died: the reconciler (or a
 * retry of the same request) takes the record over, keeping the order id so no second reservation is made.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final int ATTEMPTS = 3;

    private final Databases databases;

    public IdempotencyStore(Databases databases) {
        this.databases = databases;
    }

    /** What a request finds for its key. */
    public sealed interface Claim {

        /** This request owns the key and runs the checkout for {@code orderId}. */
        record Started(UUID orderId) implements Claim {
        }

        /** The checkout already finished: answer with its response. */
        record Replay(int status, JsonObject body) implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /** Another request with this key is running. */
        record Busy() implements Claim {
        }
    }

    /** An abandoned checkout, leased to the reconciler that claimed it. */
    public record Abandoned(String customerId, String key, UUID orderId) {
    }

    public Uni<Claim> begin(String customerId, String key, String requestHash, Duration lease, Duration retention) {
        return begin(customerId, key, requestHash, lease, retention, ATTEMPTS);
    }

    private Uni<Claim> begin(String customerId, String key, String requestHash, Duration lease, Duration retention, int attemptsLeft) {
        UUID orderId = UUID.randomUUID();
        Uni<Claim> attempt = databases.inTransaction(tx -> tx
                .preparedQuery("insert into idempotency_records (customer_id, idempotency_key, request_hash, order_id, state, leased_until,"
                        + " created_at, expires_at) values ($1, $2, $3, $4, 'IN_PROGRESS', now() + $5::bigint * interval '1 millisecond',"
                        + " now(), now() + $6::bigint * interval '1 millisecond') on conflict do nothing returning order_id")
                .execute(tuple(customerId, key, requestHash, orderId, lease.toMillis(), retention.toMillis()))
                .chain(inserted -> inserted.size() == 1
                        ? Uni.createFrom().item(new Claim.Started(orderId))
                        : existing(tx, customerId, key, requestHash, lease)));
        return attempt.chain(claim -> claim == null && attemptsLeft > 1
                ? begin(customerId, key, requestHash, lease, retention, attemptsLeft - 1)
                : Uni.createFrom().item(claim == null ? new Claim.Busy() : claim));
    }

    /** The claim an existing record gives; null when it vanished or expired meanwhile (the caller inserts again). */
    private Uni<Claim> existing(SqlClient tx, String customerId, String key, String requestHash, Duration lease) {
        return tx.preparedQuery("select request_hash, order_id, state, leased_until < now() as lease_over, expires_at < now() as expired,"
                + " response_status, response_body from idempotency_records where customer_id = $1 and idempotency_key = $2 for update")
                .execute(Tuple.of(customerId, key))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Row row = rows.iterator().next();
                    if (row.getBoolean("expired") && "COMPLETED".equals(row.getString("state"))) {
                        return tx.preparedQuery("delete from idempotency_records where customer_id = $1 and idempotency_key = $2")
                                .execute(Tuple.of(customerId, key)).replaceWith((Claim) null);
                    }
                    if (!row.getString("request_hash").equals(requestHash)) {
                        return Uni.createFrom().item(new Claim.Mismatch());
                    }
                    if ("COMPLETED".equals(row.getString("state"))) {
                        return Uni.createFrom().item(new Claim.Replay(row.getInteger("response_status"), row.getJsonObject("response_body")));
                    }
                    if (!row.getBoolean("lease_over")) {
                        return Uni.createFrom().item(new Claim.Busy());
                    }
                    UUID orderId = row.getUUID("order_id");
                    return tx.preparedQuery("update idempotency_records set leased_until = now() + $3::bigint * interval '1 millisecond'"
                            + " where customer_id = $1 and idempotency_key = $2")
                            .execute(tuple(customerId, key, lease.toMillis()))
                            .replaceWith(new Claim.Started(orderId));
                });
    }

    /** Records the response of a finished checkout, inside the transaction that created the order. */
    public Uni<Void> complete(SqlClient tx, String customerId, String key, UUID orderId, int status, JsonObject body) {
        return tx.preparedQuery("update idempotency_records set state = 'COMPLETED', response_status = $4, response_body = $5,"
                + " leased_until = now() where customer_id = $1 and idempotency_key = $2 and order_id = $3")
                .execute(tuple(customerId, key, orderId, status, body))
                .replaceWithVoid();
    }

    /** Gives the key up after a checkout that created nothing, so that the same request may be tried again. */
    public Uni<Void> abandon(SqlClient client, String customerId, String key, UUID orderId) {
        return client.preparedQuery("delete from idempotency_records where customer_id = $1 and idempotency_key = $2"
                + " and order_id = $3 and state = 'IN_PROGRESS'")
                .execute(tuple(customerId, key, orderId))
                .replaceWithVoid();
    }

    public Uni<Void> abandon(String customerId, String key, UUID orderId) {
        return databases.idempotent(ReadFrom.WRITER, client -> abandon(client, customerId, key, orderId));
    }

    /** Claims checkouts whose lease ran out, leasing them to the caller for {@code lease}. */
    public Uni<List<Abandoned>> claimAbandoned(int limit, Duration lease) {
        return databases.idempotentTransaction(tx -> tx
                .preparedQuery("update idempotency_records set leased_until = now() + $2::bigint * interval '1 millisecond'"
                        + " where (customer_id, idempotency_key) in (select customer_id, idempotency_key from idempotency_records"
                        + " where state = 'IN_PROGRESS' and leased_until < now() order by leased_until limit $1 for update skip locked)"
                        + " returning customer_id, idempotency_key, order_id")
                .execute(tuple(limit, lease.toMillis()))
                .map(rows -> rowList(rows).stream()
                        .map(row -> new Abandoned(row.getString("customer_id"), row.getString("idempotency_key"), row.getUUID("order_id")))
                        .toList()));
    }

    public Uni<Void> completeLater(String customerId, String key, UUID orderId, int status, JsonObject body) {
        return databases.idempotent(ReadFrom.WRITER, client -> complete(client, customerId, key, orderId, status, body));
    }

    public Uni<Integer> deleteExpired() {
        return databases.idempotent(ReadFrom.WRITER, client -> client
                .query("delete from idempotency_records where state = 'COMPLETED' and expires_at < now()").execute()
                .map(rows -> rows.rowCount()));
    }
}
