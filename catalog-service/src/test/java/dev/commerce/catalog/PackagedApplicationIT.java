package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.admin;
import static dev.commerce.catalog.support.CatalogApi.customer;
import static dev.commerce.catalog.support.CatalogApi.product;
import static dev.commerce.catalog.support.CatalogApi.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.testing.PackagedApplicationContract;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged service (target/quarkus-app, or the native executable with -Pnative) in its prod profile, on
 * DynamoDB Local from the local backends: platform endpoints, token checks, and a product written and read back.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT extends PackagedApplicationContract {

    @Override
    protected String storeCheckName() {
        return "dynamodb";
    }

    @Override
    protected String protectedPath() {
        return "/categories";
    }

    @Test
    void productIsWrittenToDynamoDbAndReadBack() {
        String id = uniqueId("packaged");
        String category = uniqueId("cat").substring(0, 20);
        admin().body(product(id, category, "Packaged product", 7, "ACTIVE")).post("/products")
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id));

        customer().get("/products/{id}?consistent=true", id)
                .then().statusCode(200)
                .body("name", equalTo("Packaged product"))
                .body("price.amount", equalTo(1999))
                .body("price.currency", equalTo("EUR"));
        customer().get("/products?category={category}", category)
                .then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void invalidProductIsABadRequestProblemWithFieldErrors() {
        admin().body(Map.of("sku", "SKU-1", "name", "No price", "category", "misc")).post("/products")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400));
    }

    @Test
    void unknownProductIsANotFoundProblem() {
        customer().get("/products/{id}", uniqueId("missing"))
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }
}
