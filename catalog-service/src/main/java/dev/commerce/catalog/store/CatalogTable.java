package dev.commerce.catalog.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.commerce.catalog.config.CatalogConfig;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The catalog's one table. In dev and test (catalog.create-table) whatever is missing is created at start-up:
 * the table, each index, the NEW_AND_OLD_IMAGES stream and TTL on {@code expiresAt}. In AWS, Terraform owns all
 * of it and this class only reads the table's description.
 */
@ApplicationScoped
public class CatalogTable {

    private static final Logger LOG = Logger.getLogger(CatalogTable.class);
    private static final Duration INDEX_POLL = Duration.ofSeconds(1);
    private static final Duration INDEX_BUILD_TIMEOUT = Duration.ofMinutes(10);

    /** GSI1 answers "which key" questions (product by SKU, reservations due): keys are all it needs. */
    private static final GlobalSecondaryIndex GSI1 = index(Keys.GSI1, Keys.GSI1PK, Keys.GSI1SK,
            Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build());
    /** GSI2 serves category listings: the listing attributes, none of which a reservation changes. */
    private static final GlobalSecondaryIndex GSI2 = index(Keys.GSI2, Keys.GSI2PK, Keys.GSI2SK,
            Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(ProductItems.LISTING_ATTRIBUTES).build());

    private final DynamoDbClient dynamo;
    private final CatalogConfig config;
    private volatile boolean ready;

    public CatalogTable(DynamoDbClient dynamo, CatalogConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.createTable()) {
            ensureShape();
        }
        ready = true;
    }

    /** Whether start-up has made sure the table exists; background jobs wait for it. */
    public boolean ready() {
        return ready;
    }

    public String name() {
        return config.table();
    }

    /** The ARN of the table's current stream, if it has one. */
    public Optional<String> streamArn() {
        return describe().map(TableDescription::latestStreamArn);
    }

    private void ensureShape() {
        Optional<TableDescription> table = describe();
        if (table.isEmpty()) {
            create();
            table = describe();
        }
        Set<String> indexes = table.orElseThrow().hasGlobalSecondaryIndexes()
                ? table.get().globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet())
                : Set.of();
        for (GlobalSecondaryIndex index : List.of(GSI1, GSI2)) {
            if (!indexes.contains(index.indexName())) {
                addIndex(index);
            }
        }
        if (table.get().streamSpecification() == null || !Boolean.TRUE.equals(table.get().streamSpecification().streamEnabled())) {
            dynamo.updateTable(b -> b.tableName(config.table()).streamSpecification(stream()));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(config.table()));
            LOG.infof("Enabled the stream of %s", config.table());
        }
        ensureTimeToLive();
    }

    private Optional<TableDescription> describe() {
        try {
            return Optional.of(dynamo.describeTable(b -> b.tableName(config.table())).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private void create() {
        dynamo.createTable(b -> b.tableName(config.table())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Stream.of(Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK, Keys.GSI2PK, Keys.GSI2SK)
                        .map(CatalogTable::stringAttribute).toList())
                .keySchema(key(Keys.PK, KeyType.HASH), key(Keys.SK, KeyType.RANGE))
                .globalSecondaryIndexes(GSI1, GSI2)
                .streamSpecification(stream()));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(config.table()));
        LOG.infof("Created DynamoDB table %s with %s and %s", config.table(), Keys.GSI1, Keys.GSI2);
    }

    private void addIndex(GlobalSecondaryIndex index) {
        dynamo.updateTable(b -> b.tableName(config.table())
                .attributeDefinitions(stringAttribute(index.keySchema().get(0).attributeName()),
                        stringAttribute(index.keySchema().get(1).attributeName()))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder()
                        .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection()).build()).build()));
        awaitIndexActive(index.indexName());
        LOG.infof("Added index %s to %s", index.indexName(), config.table());
    }

    /** DynamoDB builds one new index of a table at a time: the next may only be added once this one is ACTIVE. */
    private void awaitIndexActive(String indexName) {
        Waiter.builder(DescribeTableResponse.class)
                .addAcceptor(WaiterAcceptor.successOnResponseAcceptor(response -> indexStatus(response, indexName) == IndexStatus.ACTIVE))
                .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(response -> true))
                // The timeout is the bound: the SDK's default of three attempts would give up after two polls.
                .overrideConfiguration(c -> c.backoffStrategyV2(BackoffStrategy.fixedDelay(INDEX_POLL))
                        .maxAttempts(Integer.MAX_VALUE).waitTimeout(INDEX_BUILD_TIMEOUT))
                .build()
                .run(() -> dynamo.describeTable(b -> b.tableName(config.table())));
    }

    private static IndexStatus indexStatus(DescribeTableResponse response, String indexName) {
        return response.table().globalSecondaryIndexes().stream()
                .filter(index -> index.indexName().equals(indexName))
                .map(GlobalSecondaryIndexDescription::indexStatus)
                .findFirst().orElse(null);
    }

    private void ensureTimeToLive() {
        TimeToLiveStatus status = dynamo.describeTimeToLive(b -> b.tableName(config.table()))
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.DISABLED) {
            dynamo.updateTimeToLive(b -> b.tableName(config.table())
                    .timeToLiveSpecification(ttl -> ttl.attributeName(Keys.EXPIRES_AT).enabled(true)));
            LOG.infof("Enabled TTL on %s.%s", config.table(), Keys.EXPIRES_AT);
        }
    }

    private static StreamSpecification stream() {
        return StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build();
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey, String sortKey, Projection projection) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(projection).build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
