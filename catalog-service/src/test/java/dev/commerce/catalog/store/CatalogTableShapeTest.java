package dev.commerce.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.catalog.config.CatalogConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Start-up completes a table that exists without its indexes, stream and TTL, and creates a missing one whole. */
@QuarkusTest
class CatalogTableShapeTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    CatalogConfig config;

    @Test
    void aBareTableGetsItsIndexesStreamAndTimeToLive() {
        String name = "catalog-bare-" + UUID.randomUUID();
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(Keys.PK).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(Keys.SK).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(Keys.PK).keyType(KeyType.HASH), k -> k.attributeName(Keys.SK).keyType(KeyType.RANGE)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));

        startUp(name);

        assertCompleteShape(name);
    }

    @Test
    void aMissingTableIsCreatedComplete() {
        String name = "catalog-new-" + UUID.randomUUID();

        CatalogTable table = startUp(name);

        assertCompleteShape(name);
        assertThat(table.ready()).isTrue();
        assertThat(table.streamArn()).isPresent();
    }

    private CatalogTable startUp(String tableName) {
        CatalogTable table = new CatalogTable(dynamo, withTable(tableName));
        table.onStart(new StartupEvent());
        return table;
    }

    private void assertCompleteShape(String name) {
        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder(Keys.GSI1, Keys.GSI2);
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        var ttl = dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
        assertThat(ttl.attributeName()).isEqualTo(Keys.EXPIRES_AT);
    }

    /** The application's configuration with another table name and table creation on. */
    private CatalogConfig withTable(String tableName) {
        return (CatalogConfig) Proxy.newProxyInstance(CatalogConfig.class.getClassLoader(), new Class<?>[] { CatalogConfig.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "table" -> tableName;
                    case "createTable" -> true;
                    default -> method.invoke(config, args);
                });
    }
}
