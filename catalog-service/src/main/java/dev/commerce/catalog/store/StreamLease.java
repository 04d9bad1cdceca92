package dev.commerce.catalog.store;

import static dev.commerce.catalog.store.Attributes.key;
import static dev.commerce.catalog.store.Attributes.n;
import static dev.commerce.catalog.store.Attributes.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.catalog.config.CatalogConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The single-active-consumer lease of the stream: one item naming the instance that consumes the stream and until
 * when. Taken and renewed with conditional writes, so two instances can never both believe they hold it (given
 * clocks that agree to well within the lease duration). Blocking: for the consumer's worker thread.
 */
@ApplicationScoped
public class StreamLease {

    private static final String OWNER = "owner";
    private static final String LEASE_UNTIL = "leaseUntil";

    /** Who holds the lease and until when. */
    public record Holder(String owner, Instant until) {
    }

    private final DynamoDbClient dynamo;
    private final CatalogConfig config;

    public StreamLease(DynamoDbClient dynamo, CatalogConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    public Optional<Holder> holder() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(config.table())
                .key(key(Keys.LEASE_PK, Keys.LEASE_SK)).consistentRead(true)).item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(new Holder(item.get(OWNER).s(), Instant.ofEpochMilli(Long.parseLong(item.get(LEASE_UNTIL).n()))));
    }

    /** Takes the lease until {@code until} if it is free, lapsed at {@code now}, or already ours. */
    public boolean acquire(String owner, Instant now, Instant until) {
        String condition = "attribute_not_exists(PK) OR #owner = :me OR #leaseUntil < :now";
        try {
            dynamo.putItem(b -> b.tableName(config.table())
                    .item(Map.of(Keys.PK, s(Keys.LEASE_PK), Keys.SK, s(Keys.LEASE_SK), OWNER, s(owner),
                            LEASE_UNTIL, n(until.toEpochMilli())))
                    .conditionExpression(condition)
                    .expressionAttributeNames(Names.in(condition))
                    .expressionAttributeValues(Map.of(":me", s(owner), ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException heldByAnother) {
            return false;
        }
    }

    /** Gives the lease up so another instance can take over at once; a no-op when it is not ours. */
    public void release(String owner) {
        String condition = "#owner = :me";
        try {
            dynamo.deleteItem(b -> b.tableName(config.table()).key(key(Keys.LEASE_PK, Keys.LEASE_SK))
                    .conditionExpression(condition)
                    .expressionAttributeNames(Names.in(condition))
                    .expressionAttributeValues(Map.of(":me", s(owner))));
        } catch (ConditionalCheckFailedException notOurs) {
            // someone else holds it, or nobody does: nothing to give up
        }
    }
}
