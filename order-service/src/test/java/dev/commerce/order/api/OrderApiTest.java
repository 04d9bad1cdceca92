package dev.commerce.order.api;

import static dev.commerce.order.support.Checkouts.checkout;
import static dev.commerce.order.support.Checkouts.product;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.commerce.order.support.FakeDependencies;
import dev.commerce.order.support.FakeDependenciesResource;
import dev.commerce.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Reading, listing, cancelling and moving orders along, with ownership and bad input. */
@QuarkusTest
@QuarkusTestResource(FakeDependenciesResource.class)
class OrderApiTest {

    private final FakeDependencies deps = FakeDependencies.get();

    @AfterEach
    void heal() {
        deps.heal();
    }

    private String placeOrder(String customer, String productId, int quantity) {
        String session = deps.cart(customer, Map.of(productId, quantity));
        return checkout(customer, UUID.randomUUID().toString(), session).then().statusCode(201).extract().path("id");
    }

    @Test
    void ownerAndAdminSeeAnOrderOtherCustomersGet404() {
        String item = product(deps, 10, 100);
        String orderId = placeOrder("kim", item, 1);

        given().auth().oauth2(Tokens.customer("kim")).when().get("/orders/" + orderId).then().statusCode(200)
                .header("ETag", "\"1\"");
        given().auth().oauth2(Tokens.admin()).when().get("/orders/" + orderId).then().statusCode(200);
        given().auth().oauth2(Tokens.customer("lee")).when().get("/orders/" + orderId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.customer("lee")).when().get("/orders/" + orderId + "/history").then().statusCode(404);
        given().auth().oauth2(Tokens.customer("lee")).when().post("/orders/" + orderId + "/cancel").then().statusCode(404);
        given().auth().oauth2(Tokens.service()).when().get("/orders/" + orderId).then().statusCode(403);
    }

    @Test
    void cancelReturnsStockExactlyOnceAndIsRecordedInTheHistory() {
        String item = product(deps, 10, 100);
        String orderId = placeOrder("mia", item, 4);
        assertThat(deps.stock(item)).isEqualTo(6);

        given().auth().oauth2(Tokens.customer("mia")).when().post("/orders/" + orderId + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).header("ETag", "\"2\"");
        given().auth().oauth2(Tokens.customer("mia")).when().post("/orders/" + orderId + "/cancel")
                .then().statusCode(409).body("type", equalTo("urn:problem:illegal-transition"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deps.stock(item)).isEqualTo(10));
        assertThat(deps.restocks(orderId)).isEqualTo(1);

        given().auth().oauth2(Tokens.customer("mia")).when().get("/orders/" + orderId + "/history")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].to", equalTo("PENDING"))
                .body("items[0].from", nullValue())
                .body("items[1].from", equalTo("PENDING"))
                .body("items[1].to", equalTo("CANCELLED"))
                .body("items[1].reason", equalTo("cancelled by customer"));
    }

    @Test
    void adminMovesAnOrderAlongWithIfMatch() {
        String orderId = placeOrder("ned", product(deps, 10, 100), 1);
        String path = "/orders/" + orderId + "/status";

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("status", "PAID"))
                .when().patch(path).then().statusCode(428);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"7\"").contentType(ContentType.JSON).body(Map.of("status", "PAID"))
                .when().patch(path).then().statusCode(412);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("status", "SHIPPED"))
                .when().patch(path).then().statusCode(409).body("type", equalTo("urn:problem:illegal-transition"));
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("status", "PAID"))
                .when().patch(path).then().statusCode(200).body("status", equalTo("PAID")).header("ETag", "\"2\"");
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("status", "SHIPPED"))
                .when().patch(path).then().statusCode(412);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"2\"").contentType(ContentType.JSON).body(Map.of("status", "SHIPPED"))
                .when().patch(path).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"3\"").contentType(ContentType.JSON).body(Map.of("status", "DELIVERED"))
                .when().patch(path).then().statusCode(200).body("version", equalTo(4));
        given().auth().oauth2(Tokens.customer("ned")).when().post("/orders/" + orderId + "/cancel").then().statusCode(409);
        given().auth().oauth2(Tokens.customer("ned")).header("If-Match", "\"4\"").contentType(ContentType.JSON)
                .body(Map.of("status", "CANCELLED")).when().patch(path).then().statusCode(403);
    }

    @Test
    void listingPagesThroughOwnOrdersWithKeysetCursorsWhileNewOrdersArrive() {
        String customer = "olga-" + UUID.randomUUID();
        String item = product(deps, 100, 100);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(placeOrder(customer, item, 1));
        }
        placeOrder("someone-else", item, 1);

        Response first = given().auth().oauth2(Tokens.customer(customer)).queryParam("limit", 2).when().get("/orders");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", not(nullValue()));
        List<String> seen = new ArrayList<>(first.jsonPath().getList("items.id"));

        // Orders placed while paging are newer than the cursor: they neither repeat nor shift later pages.
        placeOrder(customer, item, 1);
        String cursor = first.path("nextCursor");
        while (cursor != null) {
            Response page = given().auth().oauth2(Tokens.customer(customer)).queryParam("limit", 2).queryParam("cursor", cursor)
                    .when().get("/orders");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.path("nextCursor");
        }
        assertThat(seen).containsExactlyElementsOf(placed.reversed());

        given().auth().oauth2(Tokens.admin()).queryParam("customerId", customer).queryParam("status", "PENDING")
                .queryParam("consistent", true).when().get("/orders")
                .then().statusCode(200).body("items", hasSize(6));
        given().auth().oauth2(Tokens.customer(customer)).queryParam("status", "DELIVERED").when().get("/orders")
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
        given().auth().oauth2(Tokens.customer(customer)).queryParam("customerId", "someone-else").when().get("/orders")
                .then().statusCode(403);
    }

    @Test
    void badInputIsA4xxProblemNeverA500() {
        String customer = Tokens.customer("pat");
        given().auth().oauth2(customer).queryParam("limit", 0).when().get("/orders").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(customer).queryParam("limit", "many").when().get("/orders").then().statusCode(400);
        given().auth().oauth2(customer).queryParam("limit", 101).when().get("/orders").then().statusCode(400);
        given().auth().oauth2(customer).queryParam("status", "LOST").when().get("/orders").then().statusCode(400);
        given().auth().oauth2(customer).queryParam("cursor", "forged.cursor").when().get("/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(customer).when().get("/orders/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(customer).when().get("/orders/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("status", "TELEPORTED")).when().patch("/orders/" + UUID.randomUUID() + "/status").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{}").when().patch("/orders/" + UUID.randomUUID() + "/status").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("status", "PAID")).when().patch("/orders/" + UUID.randomUUID() + "/status").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("status", "PAID", "reason", "x".repeat(501))).when().patch("/orders/" + UUID.randomUUID() + "/status")
                .then().statusCode(400);
        given().auth().oauth2(customer).contentType(ContentType.TEXT).body("hello").header("Idempotency-Key", "k")
                .when().post("/orders").then().statusCode(415);
        given().auth().oauth2(Tokens.expired("pat", "customer")).when().get("/orders").then().statusCode(401);
    }
}
