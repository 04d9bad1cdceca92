package dev.commerce.order.api;

import static dev.commerce.order.support.Checkouts.checkout;
import static dev.commerce.order.support.Checkouts.product;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.commerce.order.support.FakeDependencies;
import dev.commerce.order.support.FakeDependenciesResource;
import dev.commerce.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /orders end to end against catalog and session contracts served by a real local HTTP server. */
@QuarkusTest
@QuarkusTestResource(FakeDependenciesResource.class)
class CheckoutTest {

    private final FakeDependencies deps = FakeDependencies.get();

    @AfterEach
    void heal() {
        deps.heal();
    }

    @Test
    void checkoutPlacesTheOrderAndRunsEveryPostCommitStep() {
        String shoe = product(deps, 10, 4_999);
        String sock = product(deps, 5, 599);
        String session = deps.cart("alice", Map.of(shoe, 2, sock, 3));

        Response created = checkout("alice", UUID.randomUUID().toString(), session);
        created.then().statusCode(201)
                .header("Location", containsString("/orders/"))
                .header("ETag", "\"1\"")
                .body("status", equalTo("PENDING"))
                .body("customerId", equalTo("alice"))
                .body("lines", hasSize(2))
                .body("total.amount", equalTo(2 * 4_999 + 3 * 599))
                .body("total.currency", equalTo("EUR"));
        String orderId = created.path("id");

        assertThat(deps.stock(shoe)).isEqualTo(8);
        assertThat(deps.stock(sock)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(deps.reservationStatus(orderId)).isEqualTo("COMMITTED");
            assertThat(deps.cartLines(session)).isZero();
            assertThat(deps.locked("cart:" + session)).isFalse();
            assertThat(deps.purchases(orderId)).isNotNull();
        });
        assertThat(deps.unauthenticatedCalls()).isZero();

        given().auth().oauth2(Tokens.customer("alice")).when().get("/orders/" + orderId)
                .then().statusCode(200).body("id", equalTo(orderId)).body("status", equalTo("PENDING"));
    }

    @Test
    void replayingTheKeyReturnsTheOriginalResponseAndTheSameKeyWithAnotherBodyIs422() {
        String item = product(deps, 10, 1_000);
        String session = deps.cart("bob", Map.of(item, 1));
        String key = UUID.randomUUID().toString();

        Response first = checkout("bob", key, session);
        first.then().statusCode(201);
        Response replay = checkout("bob", key, session);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(replay.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(deps.stock(item)).isEqualTo(9);

        String otherSession = deps.cart("bob", Map.of(item, 1));
        checkout("bob", key, otherSession).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:idempotency-key-reused"));
    }

    @Test
    void tenParallelIdenticalRequestsPlaceOneOrder() throws Exception {
        String item = product(deps, 100, 250);
        String session = deps.cart("carol", Map.of(item, 1));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> checkout("carol", key, session));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(calls)) {
                Response response = result.get();
                assertThat(response.statusCode()).isEqualTo(201);
                ids.add(response.path("id"));
            }
            assertThat(ids).containsOnly(ids.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(deps.stock(item)).isEqualTo(99);
    }

    @Test
    void shortStockIs409WithTheShortLines() {
        String item = product(deps, 1, 100);
        String session = deps.cart("dave", Map.of(item, 3));

        checkout("dave", UUID.randomUUID().toString(), session).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:insufficient-stock"))
                .body("shortLines[0].productId", equalTo(item))
                .body("shortLines[0].requested", equalTo(3))
                .body("shortLines[0].available", equalTo(1));
        assertThat(deps.stock(item)).isEqualTo(1);
        assertThat(deps.locked("cart:" + session)).isFalse();
    }

    @Test
    void unknownOrInactiveProductsAre422WithTheirIds() {
        String retired = product(deps, 5, 100);
        deps.deactivate(retired);
        String session = deps.cart("erin", Map.of(retired, 1, "no-such-product", 1));

        checkout("erin", UUID.randomUUID().toString(), session).then().statusCode(422)
                .body("type", equalTo("urn:problem:unavailable-products"))
                .body("productIds", hasSize(2));
    }

    @Test
    void emptyCartIs422AndSomeoneElsesSessionIs404() {
        String empty = deps.cart("frank", Map.of());
        checkout("frank", UUID.randomUUID().toString(), empty).then().statusCode(422)
                .body("type", equalTo("urn:problem:empty-cart"));

        String item = product(deps, 5, 100);
        String gretasCart = deps.cart("greta", Map.of(item, 1));
        checkout("frank", UUID.randomUUID().toString(), gretasCart).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(deps.stock(item)).isEqualTo(5);
    }

    @Test
    void aFailedCheckoutFreesItsKeyForARetry() {
        String item = product(deps, 0, 100);
        String session = deps.cart("hank", Map.of(item, 1));
        String key = UUID.randomUUID().toString();
        checkout("hank", key, session).then().statusCode(409);

        deps.product(item, 5, 100);
        checkout("hank", key, session).then().statusCode(201).body("id", notNullValue());
    }

    @Test
    void lockedCartAndRateLimitAreCleanRefusals() {
        String item = product(deps, 5, 100);
        String session = deps.cart("ivan", Map.of(item, 1));
        deps.lock("cart:" + session);
        checkout("ivan", UUID.randomUUID().toString(), session).then().statusCode(409)
                .body("type", equalTo("urn:problem:checkout-in-progress"));

        String other = deps.cart("ivan", Map.of(item, 1));
        deps.rateLimitAllows(false);
        checkout("ivan", UUID.randomUUID().toString(), other).then().statusCode(429)
                .header("Retry-After", "42")
                .body("type", equalTo("urn:problem:rate-limited"));
        assertThat(deps.stock(item)).isEqualTo(5);
    }

    @Test
    void aFailingRateLimiterDoesNotStopSales() {
        String item = product(deps, 5, 100);
        deps.rateLimiterFails(true);

        checkout("ivy", UUID.randomUUID().toString(), deps.cart("ivy", Map.of(item, 1))).then().statusCode(201);
        assertThat(deps.stock(item)).isEqualTo(4);
    }

    @Test
    void badCheckoutRequestsAre4xxProblems() {
        given().auth().oauth2(Tokens.customer("jo")).contentType(ContentType.JSON).body(Map.of("sessionId", "abc"))
                .when().post("/orders").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(Tokens.customer("jo")).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body("{\"sessionId\": ").when().post("/orders").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.customer("jo")).header("Idempotency-Key", "k-2").contentType(ContentType.JSON)
                .body(Map.of("sessionId", "../../etc")).when().post("/orders").then().statusCode(400)
                .body("errors[0].field", containsString("sessionId"));
        given().auth().oauth2(Tokens.customer("jo")).header("Idempotency-Key", "k-3").contentType(ContentType.JSON)
                .body("{}").when().post("/orders").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).header("Idempotency-Key", "k-4").contentType(ContentType.JSON)
                .body(Map.of("sessionId", "abc")).when().post("/orders").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("sessionId", "abc")).when().post("/orders").then().statusCode(401);
    }
}
