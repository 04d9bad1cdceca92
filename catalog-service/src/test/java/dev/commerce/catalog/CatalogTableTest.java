package dev.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.catalog.store.CatalogTable;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The table is created at start-up and stores and returns an item through the configured client. */
@QuarkusTest
class CatalogTableTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    CatalogTable table;

    @Test
    void itemRoundTripsThroughTheCatalogTable() {
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("ROUNDTRIP#1"), "SK", AttributeValue.fromS("A"));
        dynamo.putItem(b -> b.tableName(table.name()).item(Map.of(
                "PK", key.get("PK"), "SK", key.get("SK"), "payload", AttributeValue.fromS("hello"))));

        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table.name()).key(key).consistentRead(true)).item();

        assertThat(item).containsEntry("payload", AttributeValue.fromS("hello"));
    }
}
