package dev.commerce.catalog.store;

import static dev.commerce.catalog.store.Attributes.key;
import static dev.commerce.catalog.store.Attributes.n;
import static dev.commerce.catalog.store.Attributes.s;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.catalog.config.CatalogConfig;
import dev.commerce.catalog.domain.Backoff;
import dev.commerce.catalog.domain.CategoryCount;
import dev.commerce.catalog.domain.Slice;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Category product counts, kept by the stream consumer. Each product has a marker item recording which category
 * it is counted in and the stream sequence number that put it there; a change is applied together with its marker
 * in one transaction, and never when the marker is already at or past that sequence number. Replayed stream
 * records therefore leave the counts untouched.
 */
@ApplicationScoped
public class CategoryStore {

    private static final Set<String> CATEGORY_KEY = Set.of(Keys.PK, Keys.SK);
    private static final String NAME = "name";
    private static final String PRODUCT_COUNT = "productCount";
    private static final String COUNTED_CATEGORY = "category";
    private static final String SEQUENCE = "sequence";

    private final DynamoDbAsyncClient dynamo;
    private final DynamoDbClient blockingDynamo;
    private final CatalogConfig config;

    public CategoryStore(DynamoDbAsyncClient dynamo, DynamoDbClient blockingDynamo, CatalogConfig config) {
        this.dynamo = dynamo;
        this.blockingDynamo = blockingDynamo;
        this.config = config;
    }

    /** Categories in name order, one Query page of the CATEGORIES partition. */
    public Uni<Slice<CategoryCount>> list(int limit, Optional<String> after) {
        Optional<Map<String, AttributeValue>> start = Positions.decode(after, CATEGORY_KEY, Keys.PK, Keys.CATEGORIES_PK);
        return Async.call(() -> dynamo.query(b -> b.tableName(config.table())
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.CATEGORIES_PK)))
                .exclusiveStartKey(start.orElse(null))
                .limit(limit)))
                .map(response -> new Slice<>(
                        response.items().stream().map(item -> new CategoryCount(item.get(NAME).s(),
                                Long.parseLong(item.get(PRODUCT_COUNT).n()))).toList(),
                        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                                ? Optional.of(Positions.encode(response.lastEvaluatedKey()))
                                : Optional.empty()));
    }

    /**
     * Counts the product in {@code activeCategory} (or in none) as of stream record {@code sequence}, moving it
     * out of the category it was counted in. Blocking: for the stream consumer's worker thread.
     */
    public void count(String productId, BigInteger sequence, Optional<String> activeCategory) {
        for (int attempt = 0;; attempt++) {
            Map<String, AttributeValue> marker = blockingDynamo.getItem(b -> b.tableName(config.table())
                    .key(key(Keys.product(productId), Keys.COUNTED_SK)).consistentRead(true)).item();
            boolean hasMarker = marker != null && !marker.isEmpty();
            if (hasMarker && new BigInteger(marker.get(SEQUENCE).n()).compareTo(sequence) >= 0) {
                return;
            }
            Optional<String> counted = hasMarker ? Optional.ofNullable(Attributes.string(marker, COUNTED_CATEGORY)) : Optional.empty();
            if (counted.equals(activeCategory)) {
                return;
            }
            try {
                blockingDynamo.transactWriteItems(b -> b.transactItems(moves(productId, sequence, activeCategory, counted,
                        hasMarker ? Optional.of(marker.get(SEQUENCE)) : Optional.empty())));
                return;
            } catch (TransactionCanceledException e) {
                boolean retryable = Transactions.conditionFailed(e, 0) || Transactions.isTransient(e);
                if (!retryable || attempt + 1 >= config.writes().maxAttempts()) {
                    throw e;
                }
                sleep(attempt);
            }
        }
    }

    private List<TransactWriteItem> moves(String productId, BigInteger sequence, Optional<String> to, Optional<String> from,
            Optional<AttributeValue> markerSequence) {
        Map<String, AttributeValue> marker = new HashMap<>(key(Keys.product(productId), Keys.COUNTED_SK));
        marker.put(SEQUENCE, n(sequence.toString()));
        to.ifPresent(category -> marker.put(COUNTED_CATEGORY, s(category)));
        Put.Builder putMarker = Put.builder().tableName(config.table()).item(marker);
        markerSequence.ifPresentOrElse(
                read -> putMarker.conditionExpression("#sequence = :read")
                        .expressionAttributeNames(Map.of("#sequence", SEQUENCE))
                        .expressionAttributeValues(Map.of(":read", read)),
                () -> putMarker.conditionExpression("attribute_not_exists(PK)"));

        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(putMarker.build()).build());
        from.ifPresent(category -> items.add(TransactWriteItem.builder().update(add(category, -1)).build()));
        to.ifPresent(category -> items.add(TransactWriteItem.builder().update(add(category, 1)).build()));
        return items;
    }

    private Update add(String category, long delta) {
        return Update.builder().tableName(config.table())
                .key(key(Keys.CATEGORIES_PK, Keys.categoryCount(category)))
                .updateExpression("SET #name = :name ADD #productCount :delta")
                .expressionAttributeNames(Map.of("#name", NAME, "#productCount", PRODUCT_COUNT))
                .expressionAttributeValues(Map.of(":name", s(category), ":delta", n(delta)))
                .build();
    }

    private void sleep(int attempt) {
        try {
            Thread.sleep(Backoff.delay(config.writes().retryBaseDelay(), attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting categories", e);
        }
    }
}
