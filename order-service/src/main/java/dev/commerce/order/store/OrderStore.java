package dev.commerce.order.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.order.domain.Money;
import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.OrderLine;
import dev.commerce.order.domain.OrderStatus;
import dev.commerce.order.domain.OutboxTask;
import dev.commerce.order.domain.StatusChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Orders, their lines and status history in PostgreSQL. */
@ApplicationScoped
public class OrderStore {

    private static final String ORDER_COLUMNS = "id, customer_id, session_id, status, total_amount, currency, version, created_at, updated_at";

    private final Databases databases;
    private final OutboxStore outbox;

    public OrderStore(Databases databases, OutboxStore outbox) {
        this.databases = databases;
        this.outbox = outbox;
    }

    /** Inserts a new order with its lines and first history entry, inside the caller's transaction. */
    public Uni<Void> insert(SqlConnection tx, Order order, String actor) {
        Tuple row = tuple(order.id(), order.customerId(), order.sessionId(), order.status().name(),
                order.total().amount(), order.total().currency(), order.version(), utc(order.createdAt()), utc(order.updatedAt()));
        List<Tuple> lines = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            lines.add(tuple(order.id(), i + 1, line.productId(), line.sku(), line.name(), line.quantity(),
                    line.unitPrice().amount(), line.unitPrice().currency()));
        }
        StatusChange created = new StatusChange(order.version(), null, order.status(), actor, "checkout", order.createdAt());
        return tx.preparedQuery("insert into orders (" + ORDER_COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(row)
                .chain(() -> tx.preparedQuery("insert into order_lines (order_id, line_no, product_id, sku, name, quantity, unit_amount, currency)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8)").executeBatch(lines))
                .chain(() -> insertHistory(tx, order.id(), created))
                .replaceWithVoid();
    }

    public Uni<Optional<Order>> find(UUID id, ReadFrom from) {
        return databases.idempotent(from, client -> client
                .preparedQuery("select " + ORDER_COLUMNS + " from orders where id = $1").execute(Tuple.of(id))
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().item(Optional.<Order>empty())
                        : withLines(client, List.of(rows.iterator().next())).map(orders -> Optional.of(orders.getFirst()))));
    }

    public Uni<Boolean> exists(UUID id) {
        return databases.idempotent(ReadFrom.WRITER, client -> client
                .preparedQuery("select 1 from orders where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() > 0));
    }

    /**
     * One page of orders, newest first, after the given keyset position. The status filter is inlined from the
     * enum (never from input text) so that PENDING lists can use the partial index.
     */
    public Uni<List<Order>> list(OrderQuery query, ReadFrom from) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + ORDER_COLUMNS + " from orders where true");
        query.customerId().ifPresent(customer -> {
            args.add(customer);
            sql.append(" and customer_id = $").append(args.size());
        });
        query.status().ifPresent(status -> sql.append(" and status = '").append(status.name()).append('\''));
        query.after().ifPresent(position -> {
            args.add(utc(position.createdAt()));
            args.add(position.id());
            sql.append(" and (created_at, id) < ($").append(args.size() - 1).append(", $").append(args.size()).append(')');
        });
        args.add(query.limit());
        sql.append(" order by created_at desc, id desc limit $").append(args.size());
        return databases.idempotent(from, client -> client.preparedQuery(sql.toString()).execute(Tuple.tuple(args))
                .chain(rows -> withLines(client, rowList(rows))));
    }

    public Uni<List<StatusChange>> history(UUID id, ReadFrom from) {
        return databases.idempotent(from, client -> client
                .preparedQuery("select version, from_status, to_status, actor, reason, changed_at from order_status_history"
                        + " where order_id = $1 order by version")
                .execute(Tuple.of(id))
                .map(rows -> rowList(rows).stream().map(OrderStore::statusChange).toList()));
    }

    /**
     * Changes an order's status in one transaction: the row is locked, {@code decide} applies the rules to the
     * current state (throwing to refuse), and the new state, its history entry and its outbox tasks are written.
     */
    public Uni<Order> changeStatus(UUID id, Function<Optional<Order>, StatusTransition> decide) {
        return databases.inTransaction(tx -> tx
                .preparedQuery("select " + ORDER_COLUMNS + " from orders where id = $1 for update").execute(Tuple.of(id))
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().item(Optional.<Order>empty())
                        : withLines(tx, List.of(rows.iterator().next())).map(orders -> Optional.of(orders.getFirst())))
                .map(decide)
                .call(transition -> tx.preparedQuery("update orders set status = $2, version = $3, updated_at = $4 where id = $1")
                        .execute(Tuple.of(id, transition.order().status().name(), transition.order().version(),
                                utc(transition.order().updatedAt()))))
                .call(transition -> insertHistory(tx, id, transition.change()))
                .call(transition -> outbox.insert(tx, transition.tasks()))
                .map(StatusTransition::order));
    }

    /** An order's new state, the history entry that explains it and the steps it sets off. */
    public record StatusTransition(Order order, StatusChange change, List<OutboxTask> tasks) {
    }

    /** Filter and keyset position of a list; empty filters match everything. */
    public record OrderQuery(Optional<String> customerId, Optional<OrderStatus> status, Optional<Position> after, int limit) {
    }

    /** Where a page ends: the (created_at, id) of its last order. */
    public record Position(Instant createdAt, UUID id) {
    }

    private static Uni<RowSet<Row>> insertHistory(SqlClient tx, UUID orderId, StatusChange change) {
        return tx.preparedQuery("insert into order_status_history (order_id, version, from_status, to_status, actor, reason, changed_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(tuple(orderId, change.version(), change.from() == null ? null : change.from().name(),
                        change.to().name(), change.actor(), change.reason(), utc(change.changedAt())));
    }

    private static Uni<List<Order>> withLines(SqlClient client, List<Row> orderRows) {
        if (orderRows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = orderRows.stream().map(row -> row.getUUID("id")).toArray(UUID[]::new);
        return client.preparedQuery("select order_id, product_id, sku, name, quantity, unit_amount, currency from order_lines"
                + " where order_id = any($1) order by order_id, line_no")
                .execute(Tuple.of(ids))
                .map(lineRows -> {
                    Map<UUID, List<OrderLine>> lines = new LinkedHashMap<>();
                    for (Row row : lineRows) {
                        lines.computeIfAbsent(row.getUUID("order_id"), key -> new ArrayList<>()).add(new OrderLine(
                                row.getString("product_id"), row.getString("sku"), row.getString("name"), row.getInteger("quantity"),
                                new Money(row.getLong("unit_amount"), row.getString("currency"))));
                    }
                    return orderRows.stream().map(row -> order(row, lines.getOrDefault(row.getUUID("id"), List.of()))).toList();
                });
    }

    private static Order order(Row row, List<OrderLine> lines) {
        return new Order(row.getUUID("id"), row.getString("customer_id"), row.getString("session_id"),
                OrderStatus.valueOf(row.getString("status")), lines,
                new Money(row.getLong("total_amount"), row.getString("currency")), row.getInteger("version"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static StatusChange statusChange(Row row) {
        String from = row.getString("from_status");
        return new StatusChange(row.getInteger("version"), from == null ? null : OrderStatus.valueOf(from),
                OrderStatus.valueOf(row.getString("to_status")), row.getString("actor"), row.getString("reason"),
                instant(row, "changed_at"));
    }

    /** A parameter tuple that may hold nulls. */
    static Tuple tuple(Object... values) {
        return Tuple.tuple(Arrays.asList(values));
    }

    static List<Row> rowList(RowSet<Row> rows) {
        List<Row> list = new ArrayList<>(rows.size());
        rows.forEach(list::add);
        return list;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
