package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.admin;
import static dev.commerce.catalog.support.CatalogApi.customer;
import static dev.commerce.catalog.support.CatalogApi.product;
import static dev.commerce.catalog.support.CatalogApi.service;
import static dev.commerce.catalog.support.CatalogApi.skuOf;
import static dev.commerce.catalog.support.CatalogApi.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.commerce.catalog.support.PeerServices;
import dev.commerce.common.api.Problem;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Products over HTTP: create, read by id / SKU / batch, update with If-Match, archive, stock, and who may do what. */
@QuarkusTest
@WithTestResource(value = PeerServices.class, scope = TestResourceScope.GLOBAL)
class ProductApiTest {

    @Test
    void createdProductIsReadBackWithItsVersionAsETag() {
        String id = uniqueId("p");
        admin().body(product(id, "books", "The Book", 7, "ACTIVE")).post("/products")
                .then().statusCode(201)
                .header("Location", endsWith("/products/" + id))
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("mediaIds", empty());

        customer().get("/products/{id}?consistent=true", id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("sku", equalTo(skuOf(id)))
                .body("name", equalTo("The Book"))
                .body("category", equalTo("books"))
                .body("price.amount", equalTo(1999))
                .body("price.currency", equalTo("EUR"))
                .body("stock", equalTo(7))
                .body("status", equalTo("ACTIVE"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void generatesAnIdWhenNoneIsGiven() {
        Map<String, Object> body = product("ignored", "books", "No id", 1, "DRAFT");
        body.remove("id");
        body.put("sku", uniqueId("SKU"));
        String id = admin().body(body).post("/products").then().statusCode(201).extract().jsonPath().getString("id");

        admin().get("/products/{id}", id).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void duplicateIdOrSkuIsAConflictAndWritesNothing() {
        String id = uniqueId("p");
        Map<String, Object> first = product(id, "books", "First", 1, "ACTIVE");
        admin().body(first).post("/products").then().statusCode(201);

        Map<String, Object> sameId = product(id, "books", "Second", 1, "ACTIVE");
        sameId.put("sku", uniqueId("SKU"));
        admin().body(sameId).post("/products")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:problem:duplicate-product"));

        String otherId = uniqueId("p");
        Map<String, Object> sameSku = product(otherId, "books", "Third", 1, "ACTIVE");
        sameSku.put("sku", first.get("sku"));
        admin().body(sameSku).post("/products")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:problem:duplicate-sku"));

        admin().get("/products/{id}?consistent=true", otherId).then().statusCode(404);
        admin().get("/products/{id}", id).then().body("name", equalTo("First"));
    }

    @Test
    void productIsFoundBySku() {
        String id = uniqueId("p");
        Map<String, Object> body = product(id, "books", "By SKU", 3, "ACTIVE");
        admin().body(body).post("/products").then().statusCode(201);

        customer().get("/products/by-sku/{sku}", body.get("sku")).then().statusCode(200).body("id", equalTo(id));
        customer().get("/products/by-sku/{sku}", "NO-SUCH-SKU").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void updateNeedsTheCurrentVersion() {
        String id = uniqueId("p");
        admin().body(product(id, "books", "Before", 1, "DRAFT")).post("/products").then().statusCode(201);

        admin().body(Map.of("name", "After")).patch("/products/{id}", id)
                .then().statusCode(428).contentType(Problem.MEDIA_TYPE);
        admin().header("If-Match", "\"1\"").body(Map.of("name", "After", "price", Map.of("amount", 2500, "currency", "EUR")))
                .patch("/products/{id}", id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("After")).body("price.amount", equalTo(2500)).body("description", equalTo("A product for tests"));
        admin().header("If-Match", "\"1\"").body(Map.of("name", "Lost update")).patch("/products/{id}", id)
                .then().statusCode(412).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:problem:precondition-failed"));

        admin().get("/products/{id}?consistent=true", id).then().body("name", equalTo("After")).body("version", equalTo(2));
        admin().header("If-Match", "\"1\"").body(Map.of("name", "x")).patch("/products/{id}", uniqueId("missing"))
                .then().statusCode(404);
    }

    @Test
    void archivingIsASoftDelete() {
        String id = uniqueId("p");
        admin().body(product(id, "books", "Old", 1, "ACTIVE")).post("/products").then().statusCode(201);

        admin().header("If-Match", "\"9\"").delete("/products/{id}", id).then().statusCode(412);
        admin().header("If-Match", "\"1\"").delete("/products/{id}", id)
                .then().statusCode(200).body("status", equalTo("ARCHIVED")).header("ETag", "\"2\"");

        customer().get("/products/{id}?consistent=true", id).then().statusCode(200).body("status", equalTo("ARCHIVED"));
    }

    @Test
    void customersDoNotSeeDrafts() {
        String id = uniqueId("p");
        admin().body(product(id, "books", "Secret", 1, "DRAFT")).post("/products").then().statusCode(201);

        customer().get("/products/{id}?consistent=true", id).then().statusCode(404);
        service().get("/products/{id}?consistent=true", id).then().statusCode(200);
        customer().body(Map.of("ids", List.of(id))).post("/products/batch-get?consistent=true")
                .then().statusCode(200).body("items", empty()).body("missing", contains(id));
    }

    @Test
    void stockIsSetWithTheVersionAndAdjustedNeverBelowZero() {
        String id = uniqueId("p");
        admin().body(product(id, "books", "Stocked", 5, "ACTIVE")).post("/products").then().statusCode(201);

        admin().body(Map.of("stock", 20)).put("/products/{id}/stock", id).then().statusCode(428);
        admin().header("If-Match", "\"1\"").body(Map.of("stock", 20)).put("/products/{id}/stock", id)
                .then().statusCode(200).body("stock", equalTo(20)).body("version", equalTo(2));
        admin().body(Map.of("delta", -25)).post("/products/{id}/stock-adjustments", id)
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:problem:insufficient-stock"));
        admin().body(Map.of("delta", -20)).post("/products/{id}/stock-adjustments", id)
                .then().statusCode(200).body("stock", equalTo(0));
        admin().body(Map.of("delta", 3)).post("/products/{id}/stock-adjustments", id)
                .then().statusCode(200).body("stock", equalTo(3));
        admin().body(Map.of("delta", 1)).post("/products/{id}/stock-adjustments", uniqueId("missing"))
                .then().statusCode(404);
    }

    @Test
    void batchGetKeepsRequestOrderAndReportsMissingIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = uniqueId("p");
            admin().body(product(id, "books", "Batch " + i, i, "ACTIVE")).post("/products").then().statusCode(201);
            ids.add(id);
        }
        String unknown = uniqueId("unknown");
        List<String> asked = List.of(ids.get(3), unknown, ids.get(0), ids.get(4), ids.get(1), ids.get(2));

        service().body(Map.of("ids", asked)).post("/products/batch-get?consistent=true")
                .then().statusCode(200)
                .body("items.id", contains(ids.get(3), ids.get(0), ids.get(4), ids.get(1), ids.get(2)))
                .body("missing", contains(unknown));
    }

    @Test
    void batchGetReadsAHundredIdsInOneCall() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(uniqueId("absent"));
        }
        String id = uniqueId("p");
        admin().body(product(id, "books", "Present", 1, "ACTIVE")).post("/products").then().statusCode(201);
        ids.set(57, id);

        List<String> missing = service().body(Map.of("ids", ids)).post("/products/batch-get")
                .then().statusCode(200).body("items.id", contains(id)).extract().jsonPath().getList("missing");
        assertThat(missing).hasSize(99).doesNotContain(id);
    }

    @Test
    void customersCannotWriteAndAnonymousCallersCannotRead() {
        String id = uniqueId("p");
        customer().body(product(id, "books", "Mine", 1, "ACTIVE")).post("/products")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        customer().header("If-Match", "\"1\"").body(Map.of("name", "x")).patch("/products/{id}", id).then().statusCode(403);
        customer().body(Map.of("delta", 1)).post("/products/{id}/stock-adjustments", id).then().statusCode(403);
        customer().put("/products/{id}/media/{m}", id, "m1").then().statusCode(403);

        given().get("/products/{id}", id).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().get("/categories").then().statusCode(401);
        given().contentType("application/json").body(product(id, "books", "Anon", 1, "ACTIVE")).post("/products")
                .then().statusCode(401);
    }
}
