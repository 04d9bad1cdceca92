package dev.commerce.catalog.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.commerce.catalog.config.CatalogConfig;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The catalog's one table: created at start-up in dev and test when missing, left alone in AWS. */
@ApplicationScoped
public class CatalogTable {

    private static final Logger LOG = Logger.getLogger(CatalogTable.class);

    private final DynamoDbClient dynamo;
    private final CatalogConfig config;

    public CatalogTable(DynamoDbClient dynamo, CatalogConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.createTable() && !exists()) {
            create();
        }
    }

    public String name() {
        return config.table();
    }

    private boolean exists() {
        try {
            dynamo.describeTable(b -> b.tableName(config.table()));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private void create() {
        dynamo.createTable(b -> b.tableName(config.table())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute("PK"), stringAttribute("SK"))
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(config.table()));
        LOG.infof("Created DynamoDB table %s", config.table());
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
