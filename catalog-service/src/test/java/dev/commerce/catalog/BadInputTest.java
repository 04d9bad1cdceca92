package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.activeProduct;
import static dev.commerce.catalog.support.CatalogApi.admin;
import static dev.commerce.catalog.support.CatalogApi.as;
import static dev.commerce.catalog.support.CatalogApi.product;
import static dev.commerce.catalog.support.CatalogApi.service;
import static dev.commerce.catalog.support.CatalogApi.stockOf;
import static dev.commerce.catalog.support.CatalogApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Malformed, oversized or unexpected input is a 4xx problem+json, never a 500, and never changes stored data. */
@QuarkusTest
class BadInputTest {

    @Test
    void malformedProductBodiesAreRejected() {
        String id = uniqueId("p");
        Map<String, Object> unknownField = product(id, "books", "Unknown field", 1, "ACTIVE");
        unknownField.put("discount", 50);
        assertProblem(admin().body(unknownField).post("/products"), 400);

        assertProblem(admin().body("{\"sku\": \"A1\", \"name\": ").post("/products"), 400);
        assertProblem(admin().body("[1, 2, 3]").post("/products"), 400);
        assertProblem(admin().post("/products"), 400);
        assertProblem(admin().contentType("text/plain").body("sku=A1").post("/products"), 415);

        Map<String, Object> longName = product(id, "books", "n".repeat(201), 1, "ACTIVE");
        assertProblem(admin().body(longName).post("/products"), 400).then().body("errors.field", hasItem(notNullValue()));
        Map<String, Object> longDescription = product(id, "books", "Long", 1, "ACTIVE");
        longDescription.put("description", "d".repeat(4001));
        assertProblem(admin().body(longDescription).post("/products"), 400);
        Map<String, Object> negativeStock = product(id, "books", "Negative", -1, "ACTIVE");
        assertProblem(admin().body(negativeStock).post("/products"), 400);
        Map<String, Object> negativePrice = product(id, "books", "Cheap", 1, "ACTIVE");
        negativePrice.put("price", Map.of("amount", -1, "currency", "EUR"));
        assertProblem(admin().body(negativePrice).post("/products"), 400);
        Map<String, Object> fractionalPrice = product(id, "books", "Fraction", 1, "ACTIVE");
        fractionalPrice.put("price", Map.of("amount", 19.99, "currency", "EUR"));
        assertProblem(admin().body(fractionalPrice).post("/products"), 400);
        Map<String, Object> badId = product("has spaces", "books", "Bad id", 1, "ACTIVE");
        assertProblem(admin().body(badId).post("/products"), 400);
        Map<String, Object> badStatus = product(id, "books", "Bad status", 1, "SOLD");
        assertProblem(admin().body(badStatus).post("/products"), 400);
        Map<String, Object> archived = product(id, "books", "Archived", 1, "ARCHIVED");
        assertProblem(admin().body(archived).post("/products"), 400);

        admin().get("/products/{id}?consistent=true", id).then().statusCode(404);
    }

    @Test
    void unreadableJsonNamesTheFieldOrSaysTheBodyIsMalformed() {
        String id = uniqueId("p");
        Map<String, Object> badStatus = product(id, "books", "Bad status", 1, "SOLD");
        assertProblem(admin().body(badStatus).post("/products"), 400).then()
                .body("type", equalTo("urn:problem:validation"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of DRAFT, ACTIVE, ARCHIVED"));
        Map<String, Object> fractionalStock = product(id, "books", "Fraction", 1, "ACTIVE");
        fractionalStock.put("stock", 2.5);
        assertProblem(admin().body(fractionalStock).post("/products"), 400).then()
                .body("errors[0].field", equalTo("stock")).body("errors[0].message", equalTo("must be a whole number"));
        assertProblem(service().body(Map.of("lines", List.of(Map.of("productId", "p1", "quantity", "two"))))
                .put("/internal/reservations/{id}", uniqueId("order")), 400).then()
                .body("errors[0].field", equalTo("lines[0].quantity"));
        Map<String, Object> unknownField = product(id, "books", "Unknown field", 1, "ACTIVE");
        unknownField.put("discount", 50);
        assertProblem(admin().body(unknownField).post("/products"), 400).then()
                .body("errors[0].field", equalTo("discount"));

        assertProblem(admin().body("{\"sku\": \"A1\", \"name\": ").post("/products"), 400).then()
                .body("type", equalTo("urn:problem:malformed-body"));
        assertProblem(admin().body("[1, 2, 3]").post("/products"), 400).then()
                .body("type", equalTo("urn:problem:malformed-body"))
                .body("detail", equalTo("The request body must be an object"));
        assertProblem(admin().post("/products"), 400).then().body("type", equalTo("urn:problem:validation"));

        admin().get("/products/{id}?consistent=true", id).then().statusCode(404);
    }

    @Test
    void wrongRoutesMethodsMediaTypesAndSizesAreProblems() {
        assertProblem(admin().get("/no-such-thing"), 404).then().body("type", equalTo("urn:problem:not-found"));
        assertProblem(admin().put("/products"), 405).then().body("type", equalTo("urn:problem:method-not-allowed"));
        assertProblem(admin().contentType("application/xml").body("<product/>").post("/products"), 415)
                .then().body("type", equalTo("urn:problem:unsupported-media-type"));
        Map<String, Object> huge = product(uniqueId("p"), "books", "Huge", 1, "ACTIVE");
        huge.put("description", "d".repeat(1_100_000));
        assertProblem(admin().body(huge).post("/products"), 413).then().body("type", equalTo("urn:problem:payload-too-large"));
    }

    @Test
    void malformedIdsInPathsAreRejected() {
        assertProblem(admin().get("/products/{id}", "x".repeat(65)), 400);
        assertProblem(admin().get("/products/{id}", "bad id"), 400);
        assertProblem(admin().get("/products/{id}", "-leading-dash"), 400);
        assertProblem(service().body(Map.of("lines", List.of(Map.of("productId", "p1", "quantity", 1))))
                .put("/internal/reservations/{id}", "order id!"), 400);
        assertProblem(admin().put("/products/{id}/media/{mediaId}", "p1", "bad media"), 400);
    }

    @Test
    void malformedReservationsAreRejectedAndTakeNoStock() {
        String product = activeProduct("bad-input", 5);
        String orderId = uniqueId("order");

        assertProblem(reserve(orderId, Map.of("lines", List.of(Map.of("productId", product, "quantity", -1)))), 400);
        assertProblem(reserve(orderId, Map.of("lines", List.of(Map.of("productId", product, "quantity", 0)))), 400);
        assertProblem(reserve(orderId, Map.of("lines", List.of(Map.of("productId", product, "quantity", 1.5)))), 400);
        assertProblem(reserve(orderId, Map.of("lines", List.of(Map.of("productId", product, "quantity", 1, "note", "x")))), 400);
        assertProblem(reserve(orderId, Map.of("lines", List.of())), 400);
        assertProblem(reserve(orderId, Map.of("lines", List.of(
                Map.of("productId", product, "quantity", 1), Map.of("productId", product, "quantity", 2)))), 400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(Map.of("productId", uniqueId("p"), "quantity", 1));
        }
        assertProblem(reserve(orderId, Map.of("lines", tooMany)), 400);
        assertProblem(service().body("{\"lines\": [").put("/internal/reservations/{id}", orderId), 400);

        assertThat(stockOf(product)).isEqualTo(5);
        service().get("/internal/reservations/{id}", orderId).then().statusCode(404);
    }

    @Test
    void oversizedBatchesAndBadUpdatesAreRejected() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(uniqueId("p"));
        }
        assertProblem(service().body(Map.of("ids", ids)).post("/products/batch-get"), 400);
        assertProblem(service().body(Map.of("ids", List.of())).post("/products/batch-get"), 400);
        assertProblem(service().body(Map.of("ids", List.of("bad id"))).post("/products/batch-get"), 400);

        String product = activeProduct("bad-input", 5);
        assertProblem(admin().header("If-Match", "\"1\"").body(Map.of("name", " ")).patch("/products/{id}", product), 400);
        assertProblem(admin().header("If-Match", "\"1\"").body(Map.of("sku", "NEW")).patch("/products/{id}", product), 400);
        assertProblem(admin().header("If-Match", "\"1\"").body(Map.of("stock", -3)).put("/products/{id}/stock", product), 400);
        assertProblem(admin().body(Map.of("delta", 0)).post("/products/{id}/stock-adjustments", product), 400);
        assertProblem(admin().body(Map.of("delta", "ten")).post("/products/{id}/stock-adjustments", product), 400);

        admin().get("/products/{id}?consistent=true", product).then().statusCode(200)
                .body("version", equalTo(1)).body("stock", equalTo(5));
    }

    @Test
    void missingExpiredOrForeignTokensAreUnauthorized() {
        String product = activeProduct("bad-input", 1);
        assertProblem(as(Tokens.expired("alice", "customer")).get("/products/{id}", product), 401);
        assertProblem(as("not-a-jwt").get("/products/{id}", product), 401);
        assertProblem(as(Tokens.customer("alice")).get("/internal/reservations/{id}", uniqueId("order")), 403);
    }

    private static Response reserve(String orderId, Object body) {
        return service().body(body).put("/internal/reservations/{id}", orderId);
    }

    private static Response assertProblem(Response response, int status) {
        response.then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("detail", not(org.hamcrest.Matchers.containsString("Exception")));
        return response;
    }
}
