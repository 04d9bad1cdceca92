package dev.commerce.catalog.store;

import static dev.commerce.catalog.store.Attributes.key;
import static dev.commerce.catalog.store.Attributes.n;
import static dev.commerce.catalog.store.Attributes.s;
import static dev.commerce.catalog.store.Attributes.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.catalog.config.CatalogConfig;
import dev.commerce.catalog.domain.Money;
import dev.commerce.catalog.domain.ProductStatus;
import dev.commerce.catalog.domain.Reservation;
import dev.commerce.catalog.domain.ReservationStatus;
import dev.commerce.catalog.domain.ReservedLine;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Reservations and the stock they move. Reserving and releasing are single TransactWriteItems: the reservation
 * item and every product's stock change commit together or not at all.
 */
@ApplicationScoped
public class ReservationStore {

    /** How a reserve transaction ended. */
    public enum ReserveOutcome {
        RESERVED,
        /** A reservation for this order already exists (a replay or a concurrent twin). */
        ORDER_EXISTS,
        /** A product's stock, status or price no longer matched what was read, or another transaction interfered. */
        PRODUCTS_CHANGED
    }

    /** How a release transaction ended. */
    public enum ReleaseOutcome {
        RELEASED,
        /** The reservation was no longer in the status the release expected (committed or released meanwhile). */
        STATUS_CHANGED,
        /** Another transaction interfered; the same release may succeed when retried. */
        CONFLICT
    }

    private static final String RELEASE_RESERVATION =
            "SET #status = :released, #updatedAt = :now, #expiresAt = :purgeAt REMOVE GSI1PK, GSI1SK";
    private static final String RESTOCK = "SET #stock = #stock + :quantity, #version = #version + :one, #updatedAt = :now";

    private final DynamoDbAsyncClient dynamo;
    private final DynamoDbClient blockingDynamo;
    private final CatalogConfig config;

    public ReservationStore(DynamoDbAsyncClient dynamo, DynamoDbClient blockingDynamo, CatalogConfig config) {
        this.dynamo = dynamo;
        this.blockingDynamo = blockingDynamo;
        this.config = config;
    }

    public Uni<Optional<Reservation>> find(String orderId) {
        return Async.call(() -> dynamo.getItem(b -> b.tableName(config.table())
                .key(key(Keys.reservation(orderId), Keys.RESERVATION_SK)).consistentRead(true)))
                .map(response -> response.hasItem() && !response.item().isEmpty()
                        ? Optional.of(ReservationItems.reservation(response.item()))
                        : Optional.empty());
    }

    /**
     * Per line: take the stock if the product is still ACTIVE, at the price read, with enough stock; and put the
     * reservation if none exists for the order. One transaction, so stock is taken for all lines or none.
     */
    public Uni<ReserveOutcome> reserve(Reservation reservation, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (ReservedLine line : reservation.lines()) {
            items.add(TransactWriteItem.builder().update(takeStock(line, now)).build());
        }
        int reservationIndex = items.size();
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(config.table())
                .item(ReservationItems.item(reservation, now, reservation.expiresAt().plus(config.reservations().retention())))
                .conditionExpression("attribute_not_exists(PK)")
                .build()).build());
        return Async.call(() -> dynamo.transactWriteItems(b -> b.transactItems(items)))
                .map(done -> ReserveOutcome.RESERVED)
                .onFailure(TransactionCanceledException.class).recoverWithItem(e -> {
                    TransactionCanceledException cancelled = (TransactionCanceledException) e;
                    if (Transactions.conditionFailed(cancelled, reservationIndex)) {
                        return ReserveOutcome.ORDER_EXISTS;
                    }
                    if (Transactions.anyConditionFailed(cancelled) || Transactions.isTransient(cancelled)) {
                        return ReserveOutcome.PRODUCTS_CHANGED;
                    }
                    throw cancelled;
                });
    }

    private Update takeStock(ReservedLine line, Instant now) {
        Money price = line.unitPrice();
        String assignment = "SET #stock = #stock - :quantity, #version = #version + :one, #updatedAt = :now";
        String condition = "#status = :active AND #stock >= :quantity AND #priceAmount = :amount AND #currency = :currency";
        return Update.builder().tableName(config.table())
                .key(key(Keys.product(line.productId()), Keys.PRODUCT_SK))
                .updateExpression(assignment)
                .conditionExpression(condition)
                .expressionAttributeNames(Names.in(assignment, condition))
                .expressionAttributeValues(Map.of(":quantity", n(line.quantity()), ":one", n(1), ":now", time(now),
                        ":active", s(ProductStatus.ACTIVE.name()), ":amount", n(price.amount()), ":currency", s(price.currency())))
                .build();
    }

    /**
     * RESERVED to COMMITTED, leaving the sweeper's index. Empty when the reservation was not RESERVED; the caller
     * reads it to tell why.
     */
    public Uni<Optional<Reservation>> commit(String orderId, Instant now) {
        String assignment = "SET #status = :committed, #updatedAt = :now, #expiresAt = :purgeAt REMOVE GSI1PK, GSI1SK";
        String condition = "#status = :reserved";
        return Async.call(() -> dynamo.updateItem(b -> b.tableName(config.table())
                .key(key(Keys.reservation(orderId), Keys.RESERVATION_SK))
                .updateExpression(assignment)
                .conditionExpression(condition)
                .expressionAttributeNames(Names.in(assignment, condition))
                .expressionAttributeValues(Map.of(":committed", s(ReservationStatus.COMMITTED.name()),
                        ":reserved", s(ReservationStatus.RESERVED.name()), ":now", time(now),
                        ":purgeAt", n(now.plus(config.reservations().retention()).getEpochSecond())))
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)))
                .map(response -> Optional.of(ReservationItems.reservation(response.attributes())))
                .onFailure(ConditionalCheckFailedException.class).recoverWithItem(Optional.empty());
    }

    /**
     * Marks the reservation RELEASED and returns every line's quantity to stock, in one transaction conditioned on
     * the reservation still being {@code expected}: two releases (a client retry, a second sweeper) cannot both
     * succeed, so stock comes back exactly once.
     */
    public Uni<ReleaseOutcome> release(Reservation reservation, ReservationStatus expected, Instant now) {
        String condition = "#status = :expected";
        Update releaseReservation = Update.builder().tableName(config.table())
                .key(key(Keys.reservation(reservation.orderId()), Keys.RESERVATION_SK))
                .updateExpression(RELEASE_RESERVATION)
                .conditionExpression(condition)
                .expressionAttributeNames(Names.in(RELEASE_RESERVATION, condition))
                .expressionAttributeValues(Map.of(":released", s(ReservationStatus.RELEASED.name()),
                        ":expected", s(expected.name()), ":now", time(now),
                        ":purgeAt", n(now.plus(config.reservations().retention()).getEpochSecond())))
                .build();
        List<TransactWriteItem> items = Stream.concat(
                Stream.of(TransactWriteItem.builder().update(releaseReservation).build()),
                reservation.lines().stream().map(line -> TransactWriteItem.builder().update(restock(line, now)).build()))
                .toList();
        return Async.call(() -> dynamo.transactWriteItems(b -> b.transactItems(items)))
                .map(done -> ReleaseOutcome.RELEASED)
                .onFailure(TransactionCanceledException.class).recoverWithItem(e -> {
                    TransactionCanceledException cancelled = (TransactionCanceledException) e;
                    if (Transactions.conditionFailed(cancelled, 0)) {
                        return ReleaseOutcome.STATUS_CHANGED;
                    }
                    if (Transactions.isTransient(cancelled)) {
                        return ReleaseOutcome.CONFLICT;
                    }
                    throw new IllegalStateException("Cannot restock reservation " + reservation.orderId()
                            + ": one of its products no longer exists", cancelled);
                });
    }

    private Update restock(ReservedLine line, Instant now) {
        String condition = "attribute_exists(PK)";
        return Update.builder().tableName(config.table())
                .key(key(Keys.product(line.productId()), Keys.PRODUCT_SK))
                .updateExpression(RESTOCK)
                .conditionExpression(condition)
                .expressionAttributeNames(Names.in(RESTOCK))
                .expressionAttributeValues(Map.of(":quantity", n(line.quantity()), ":one", n(1), ":now", time(now)))
                .build();
    }

    /**
     * Order ids of RESERVED reservations whose hold ended before {@code cutoff}, read from the sparse GSI1 one
     * expiry partition after another with the SDK paginator (keys only, page by page, as the caller consumes).
     * Blocking: for the sweeper's worker thread.
     */
    public Stream<String> dueBefore(Instant cutoff) {
        AttributeValue bound = s(Keys.expiryBound(cutoff.getEpochSecond()));
        return IntStream.range(0, Keys.EXPIRY_PARTITIONS).boxed().flatMap(partition -> blockingDynamo
                .queryPaginator(b -> b.tableName(config.table()).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk AND GSI1SK < :bound")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.expiryPartition(partition)), ":bound", bound))
                        .limit(config.sweeper().pageSize()))
                .items().stream()
                .map(item -> Keys.orderId(item.get(Keys.PK).s())));
    }
}
