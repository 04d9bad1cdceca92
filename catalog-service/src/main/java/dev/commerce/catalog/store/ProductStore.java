package dev.commerce.catalog.store;

import static dev.commerce.catalog.store.Attributes.key;
import static dev.commerce.catalog.store.Attributes.n;
import static dev.commerce.catalog.store.Attributes.s;
import static dev.commerce.catalog.store.Attributes.time;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.catalog.config.CatalogConfig;
import dev.commerce.catalog.domain.Backoff;
import dev.commerce.catalog.domain.CatalogProblems;
import dev.commerce.catalog.domain.Product;
import dev.commerce.catalog.domain.ProductStatus;
import dev.commerce.catalog.domain.ProductSummary;
import dev.commerce.catalog.domain.Slice;
import dev.commerce.common.api.ProblemException;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Products on the async client: every call returns a lazy Uni and never blocks the calling thread. */
@ApplicationScoped
public class ProductStore {

    private static final Set<String> LISTING_KEY = Set.of(Keys.PK, Keys.SK, Keys.GSI2PK, Keys.GSI2SK);
    private static final String GUARDED_PRODUCT = "productId";

    private final DynamoDbAsyncClient dynamo;
    private final CatalogConfig config;

    public ProductStore(DynamoDbAsyncClient dynamo, CatalogConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /** Puts the product and its SKU guard in one transaction: both are new, or nothing is written. */
    public Uni<Product> create(Product product) {
        Put productPut = Put.builder().tableName(config.table()).item(ProductItems.item(product))
                .conditionExpression("attribute_not_exists(PK)").build();
        Put skuGuard = Put.builder().tableName(config.table())
                .item(Map.of(Keys.PK, s(Keys.sku(product.sku())), Keys.SK, s(Keys.SKU_SK), GUARDED_PRODUCT, s(product.id())))
                .conditionExpression("attribute_not_exists(PK)").build();
        return retrying(() -> Async.call(() -> dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(productPut).build(),
                TransactWriteItem.builder().put(skuGuard).build()))))
                .replaceWith(product)
                .onFailure(TransactionCanceledException.class).transform(e -> {
                    TransactionCanceledException cancelled = (TransactionCanceledException) e;
                    if (Transactions.conditionFailed(cancelled, 0)) {
                        return CatalogProblems.duplicateProduct(product.id());
                    }
                    return Transactions.conditionFailed(cancelled, 1) ? CatalogProblems.duplicateSku(product.sku()) : e;
                });
    }

    public Uni<Optional<Product>> find(String id, boolean consistent) {
        return Async.call(() -> dynamo.getItem(b -> b.tableName(config.table())
                .key(key(Keys.product(id), Keys.PRODUCT_SK)).consistentRead(consistent)))
                .map(response -> response.hasItem() && !response.item().isEmpty()
                        ? Optional.of(ProductItems.product(response.item()))
                        : Optional.empty());
    }

    /** GSI1 finds the product's key (indexes are eventually consistent); the item itself is read as asked. */
    public Uni<Optional<Product>> findBySku(String sku, boolean consistent) {
        return Async.call(() -> dynamo.query(b -> b.tableName(config.table()).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk AND GSI1SK = :sk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.sku(sku)), ":sk", s(Keys.PRODUCT_SK)))
                .limit(1)))
                .flatMap(response -> response.items().isEmpty()
                        ? Uni.createFrom().item(Optional.<Product>empty())
                        : find(Keys.productId(response.items().getFirst().get(Keys.PK).s()), consistent));
    }

    /**
     * Reads up to 100 products in one BatchGetItem, re-requesting the keys DynamoDB leaves unprocessed with
     * exponential back-off and jitter. Products that do not exist are absent from the map.
     */
    public Uni<Map<String, Product>> findAll(Collection<String> ids, boolean consistent) {
        List<Map<String, AttributeValue>> keys = ids.stream().distinct()
                .map(id -> key(Keys.product(id), Keys.PRODUCT_SK)).toList();
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return batchGet(keys, consistent, new HashMap<>(), 0);
    }

    private Uni<Map<String, Product>> batchGet(List<Map<String, AttributeValue>> keys, boolean consistent,
            Map<String, Product> found, int attempt) {
        KeysAndAttributes request = KeysAndAttributes.builder().keys(keys).consistentRead(consistent).build();
        return Async.call(() -> dynamo.batchGetItem(b -> b.requestItems(Map.of(config.table(), request))))
                .flatMap(response -> {
                    response.responses().getOrDefault(config.table(), List.of()).stream()
                            .map(ProductItems::product).forEach(product -> found.put(product.id(), product));
                    List<Map<String, AttributeValue>> unprocessed = unprocessed(response);
                    if (unprocessed.isEmpty()) {
                        return Uni.createFrom().item(found);
                    }
                    if (attempt + 1 >= config.batchGet().maxAttempts()) {
                        return Uni.createFrom().failure(ProblemException.unavailable(
                                "The catalog store is busy; retry shortly", 1));
                    }
                    return Backoff.pause(config.batchGet().baseDelay(), attempt)
                            .chain(() -> batchGet(unprocessed, consistent, found, attempt + 1));
                });
    }

    private List<Map<String, AttributeValue>> unprocessed(BatchGetItemResponse response) {
        KeysAndAttributes left = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(config.table()) : null;
        return left == null || !left.hasKeys() ? List.of() : left.keys();
    }

    /**
     * One page of a category's products in one status, sorted by name (Query on GSI2). Reads one item more than
     * asked so the last page carries no position.
     */
    public Uni<Slice<ProductSummary>> listByCategory(String category, ProductStatus status, int limit, Optional<String> after) {
        String partition = Keys.listing(category, status);
        Optional<Map<String, AttributeValue>> start = Positions.decode(after, LISTING_KEY, Keys.GSI2PK, partition);
        return Async.call(() -> dynamo.query(b -> b.tableName(config.table()).indexName(Keys.GSI2)
                .keyConditionExpression("GSI2PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition)))
                .exclusiveStartKey(start.orElse(null))
                .limit(limit + 1)))
                .map(response -> page(response, limit));
    }

    private static Slice<ProductSummary> page(QueryResponse response, int limit) {
        List<Map<String, AttributeValue>> items = response.items();
        if (items.size() > limit) {
            Map<String, AttributeValue> last = items.get(limit - 1);
            Map<String, AttributeValue> position = new LinkedHashMap<>();
            LISTING_KEY.forEach(name -> position.put(name, last.get(name)));
            return new Slice<>(items.subList(0, limit).stream().map(ProductItems::summary).toList(),
                    Optional.of(Positions.encode(position)));
        }
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(Positions.encode(response.lastEvaluatedKey()))
                : Optional.empty();
        return new Slice<>(items.stream().map(ProductItems::summary).toList(), next);
    }

    /**
     * Writes the descriptive fields of {@code changed} (not stock or media) if the stored version is still
     * {@code expectedVersion}.
     */
    public Uni<Product> saveDetails(Product changed, long expectedVersion) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":name", s(changed.name()));
        values.put(":description", s(changed.description()));
        values.put(":category", s(changed.category()));
        values.put(":amount", n(changed.price().amount()));
        values.put(":currency", s(changed.price().currency()));
        values.put(":status", s(changed.status().name()));
        values.put(":gsi2pk", s(Keys.listing(changed.category(), changed.status())));
        values.put(":gsi2sk", s(Keys.listingSort(changed.name(), changed.id())));
        return versionedUpdate(changed.id(), expectedVersion, changed.updatedAt(),
                "#name = :name, #description = :description, #category = :category, #priceAmount = :amount, "
                        + "#currency = :currency, #status = :status, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk",
                values);
    }

    public Uni<Product> setStock(String id, long stock, long expectedVersion, Instant now) {
        return versionedUpdate(id, expectedVersion, now, "#stock = :stock", Map.of(":stock", n(stock)));
    }

    /** Adds {@code delta} (may be negative) unless that would leave the stock below zero. */
    public Uni<Product> adjustStock(String id, long delta, Instant now) {
        String assignment = "SET #stock = #stock + :delta, #version = #version + :one, #updatedAt = :now";
        String condition = "attribute_exists(PK) AND #stock >= :floor";
        UpdateItemRequest request = update(id)
                .updateExpression(assignment)
                .conditionExpression(condition)
                .expressionAttributeNames(Names.in(assignment, condition))
                .expressionAttributeValues(Map.of(":delta", n(delta), ":one", n(1), ":now", time(now),
                        ":floor", n(Math.max(0, -delta))))
                .build();
        return updated(request).onFailure(ConditionalCheckFailedException.class).transform(e -> {
            Map<String, AttributeValue> old = ((ConditionalCheckFailedException) e).item();
            if (old == null || old.isEmpty()) {
                return CatalogProblems.productNotFound(id);
            }
            return CatalogProblems.stockBelowZero(id, delta, ProductItems.product(old).stock());
        });
    }

    /** Appends a media id unless it is already there or the list is full; empty when either condition failed. */
    public Uni<Optional<Product>> appendMedia(String id, String mediaId, int max, Instant now) {
        String assignment = "SET #mediaIds = list_append(#mediaIds, :added), #version = #version + :one, #updatedAt = :now";
        String condition = "attribute_exists(PK) AND NOT contains(#mediaIds, :mediaId) AND size(#mediaIds) < :max";
        UpdateItemRequest request = update(id)
                .updateExpression(assignment)
                .conditionExpression(condition)
                .expressionAttributeNames(Names.in(assignment, condition))
                .expressionAttributeValues(Map.of(":added", Attributes.strings(List.of(mediaId)), ":mediaId", s(mediaId),
                        ":max", n(max), ":one", n(1), ":now", time(now)))
                .build();
        return conditionalMediaUpdate(request);
    }

    /** Removes the media id at {@code index} if it is still there; empty when the list changed meanwhile. */
    public Uni<Optional<Product>> removeMedia(String id, int index, String mediaId, Instant now) {
        String assignment = "REMOVE #mediaIds[" + index + "] SET #version = #version + :one, #updatedAt = :now";
        String condition = "#mediaIds[" + index + "] = :mediaId";
        UpdateItemRequest request = update(id)
                .updateExpression(assignment)
                .conditionExpression(condition)
                .expressionAttributeNames(Names.in(assignment, condition))
                .expressionAttributeValues(Map.of(":mediaId", s(mediaId), ":one", n(1), ":now", time(now)))
                .build();
        return conditionalMediaUpdate(request);
    }

    private Uni<Optional<Product>> conditionalMediaUpdate(UpdateItemRequest request) {
        return updated(request).map(Optional::of)
                .onFailure(ConditionalCheckFailedException.class).recoverWithItem(Optional.empty());
    }

    private Uni<Product> versionedUpdate(String id, long expectedVersion, Instant now, String assignments,
            Map<String, AttributeValue> values) {
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":expected", n(expectedVersion));
        allValues.put(":next", n(expectedVersion + 1));
        allValues.put(":now", time(now));
        String assignment = "SET " + assignments + ", #version = :next, #updatedAt = :now";
        String condition = "attribute_exists(PK) AND #version = :expected";
        UpdateItemRequest request = update(id)
                .updateExpression(assignment)
                .conditionExpression(condition)
                .expressionAttributeNames(Names.in(assignment, condition))
                .expressionAttributeValues(allValues)
                .build();
        return updated(request).onFailure(ConditionalCheckFailedException.class).transform(e -> {
            Map<String, AttributeValue> old = ((ConditionalCheckFailedException) e).item();
            return old == null || old.isEmpty()
                    ? CatalogProblems.productNotFound(id)
                    : CatalogProblems.versionMismatch(ProductItems.product(old).version());
        });
    }

    private UpdateItemRequest.Builder update(String id) {
        return UpdateItemRequest.builder().tableName(config.table())
                .key(key(Keys.product(id), Keys.PRODUCT_SK))
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    private Uni<Product> updated(UpdateItemRequest request) {
        return retrying(() -> Async.call(() -> dynamo.updateItem(request))).map(response -> ProductItems.product(response.attributes()));
    }

    private <T> Uni<T> retrying(Supplier<Uni<T>> write) {
        return Async.retryingTransient(write, config.writes().retryBaseDelay(), config.writes().maxAttempts());
    }
}
