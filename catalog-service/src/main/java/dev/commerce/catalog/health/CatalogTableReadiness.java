package dev.commerce.catalog.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.commerce.catalog.config.CatalogConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Ready when the catalog table answers a DescribeTable and is ACTIVE. */
@Readiness
@ApplicationScoped
public class CatalogTableReadiness implements AsyncHealthCheck {

    private static final String NAME = "dynamodb";

    private final DynamoDbAsyncClient dynamo;
    private final CatalogConfig config;

    public CatalogTableReadiness(DynamoDbAsyncClient dynamo, CatalogConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> dynamo.describeTable(b -> b.tableName(config.table())))
                .ifNoItem().after(config.requestTimeout()).fail()
                .map(table -> HealthCheckResponse.named(NAME)
                        .status("ACTIVE".equals(table.table().tableStatusAsString()))
                        .withData("table", config.table())
                        .withData("status", table.table().tableStatusAsString())
                        .build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("table", config.table())
                        .withData("error", e.getClass().getSimpleName())
                        .build());
    }
}
