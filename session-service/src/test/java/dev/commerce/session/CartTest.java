package dev.commerce.session;

import static dev.commerce.session.support.Api.as;
import static dev.commerce.session.support.Api.asService;
import static dev.commerce.session.support.Api.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.session.support.Api;
import dev.commerce.session.support.Api.CustomerSession;
import dev.commerce.session.support.CatalogServer;
import dev.commerce.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CartTest {

    @Inject
    RedisDataSource redis;

    CatalogServer catalog;
    CustomerSession session;

    @BeforeEach
    void catalogWithProducts() {
        catalog = CatalogServer.current();
        catalog.reset();
        catalog.active("tea", "Green tea", 450);
        catalog.active("cup", "Tea cup", 1200);
        catalog.product("old-pot", "Old teapot", 3000, "ARCHIVED", 3);
        session = login("cart-owner-" + UUID.randomUUID());
    }

    @Test
    void addingAddsUpAndTheViewShowsCatalogDetailsAndTotals() {
        session.json().body(Map.of("productId", "tea", "quantity", 2)).post("/cart/lines")
                .then().statusCode(200).header("ETag", "\"1\"");
        session.json().body(Map.of("productId", "tea", "quantity", 3)).post("/cart/lines").then().statusCode(200);
        session.json().body(Map.of("productId", "cup", "quantity", 1)).post("/cart/lines")
                .then().statusCode(200)
                .header("ETag", "\"3\"")
                .body("version", equalTo(3))
                .body("lines", hasSize(2))
                .body("lines[0].productId", equalTo("cup"))
                .body("lines[1].productId", equalTo("tea"))
                .body("lines[1].quantity", equalTo(5))
                .body("lines[1].product.name", equalTo("Green tea"))
                .body("lines[1].product.price.amount", equalTo(450))
                .body("lines[1].lineTotal.amount", equalTo(2250))
                .body("lines[1].stale", equalTo(false))
                .body("complete", equalTo(true))
                .body("subtotal.amount", equalTo(3450))
                .body("subtotal.currency", equalTo("EUR"));
        assertThat(catalog.unauthenticatedRequests()).isZero();
    }

    @Test
    void settingAndRemovingLinesAndClearingTheCart() {
        session.json().body(Map.of("productId", "tea", "quantity", 2)).post("/cart/lines").then().statusCode(200);
        session.json().body(Map.of("quantity", 7)).put("/cart/lines/tea")
                .then().statusCode(200).body("lines[0].quantity", equalTo(7));
        session.json().body(Map.of("quantity", 0)).put("/cart/lines/tea")
                .then().statusCode(200).body("lines", hasSize(0)).body("subtotal", nullValue());

        session.json().body(Map.of("productId", "cup", "quantity", 1)).post("/cart/lines").then().statusCode(200);
        session.request().delete("/cart/lines/cup").then().statusCode(204);
        session.request().delete("/cart/lines/cup").then().statusCode(204);
        session.json().body(Map.of("productId", "cup", "quantity", 1)).post("/cart/lines").then().statusCode(200);
        session.request().delete("/cart").then().statusCode(204);
        session.request().get("/cart").then().statusCode(200).body("lines", hasSize(0));
    }

    @Test
    void cartExpiresWithItsSession() {
        session.json().body(Map.of("productId", "tea", "quantity", 1)).post("/cart/lines").then().statusCode(200);
        long sessionTtl = redis.key().pttl("session:{" + session.sessionId() + "}");
        long cartTtl = redis.key().pttl("cart:{" + session.sessionId() + "}");
        assertThat(cartTtl).isPositive().isLessThanOrEqualTo(sessionTtl).isGreaterThan(sessionTtl - 5_000);
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() {
        session.json().body(Map.of("productId", "tea", "quantity", 1)).post("/cart/lines").then().header("ETag", "\"1\"");
        session.json().header("If-Match", "\"0\"").body(Map.of("productId", "cup", "quantity", 1)).post("/cart/lines")
                .then().statusCode(412).contentType(Problem.MEDIA_TYPE);
        session.json().header("If-Match", "\"1\"").body(Map.of("quantity", 4)).put("/cart/lines/tea")
                .then().statusCode(200).header("ETag", "\"2\"");
        session.json().header("If-Match", "garbage").body(Map.of("quantity", 4)).put("/cart/lines/tea")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void linesAndQuantitiesAreBounded() {
        session.json().body(Map.of("productId", "tea", "quantity", 99)).post("/cart/lines").then().statusCode(200);
        session.json().body(Map.of("productId", "tea", "quantity", 1)).post("/cart/lines")
                .then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem:cart-limit"));
        session.json().body(Map.of("quantity", 100)).put("/cart/lines/tea").then().statusCode(422);

        for (int i = 1; i < 50; i++) {
            catalog.active("p" + i, "Product " + i, 100);
            session.json().body(Map.of("productId", "p" + i, "quantity", 1)).post("/cart/lines").then().statusCode(200);
        }
        catalog.active("one-too-many", "Straw", 10);
        session.json().body(Map.of("productId", "one-too-many", "quantity", 1)).post("/cart/lines")
                .then().statusCode(422).body("detail", equalTo("At most 50 products in one cart"));
        session.request().get("/cart").then().statusCode(200).body("lines", hasSize(50)).body("version", equalTo(50));
    }

    @Test
    void unknownAndArchivedProductsCannotBeAdded() {
        session.json().body(Map.of("productId", "no-such-thing", "quantity", 1)).post("/cart/lines")
                .then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem:unavailable-products"))
                .body("errors[0].field", equalTo("productId"));
        session.json().body(Map.of("productId", "old-pot", "quantity", 1)).post("/cart/lines").then().statusCode(422);
        session.request().get("/cart").then().body("lines", hasSize(0));
    }

    @Test
    void checkoutLockFreezesTheCartButOrderServiceCanStillReadAndClearIt() {
        session.json().body(Map.of("productId", "tea", "quantity", 2)).post("/cart/lines").then().statusCode(200);
        String lockToken = asService().contentType(ContentType.JSON).body(Map.of("ttlMs", 30_000))
                .post("/internal/locks/cart:" + session.sessionId())
                .then().statusCode(201).extract().path("token");

        session.json().body(Map.of("productId", "cup", "quantity", 1)).post("/cart/lines")
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:problem:cart-locked"));
        session.request().delete("/cart").then().statusCode(409);

        asService().get("/internal/sessions/" + session.sessionId() + "/cart")
                .then().statusCode(200)
                .body("sessionId", equalTo(session.sessionId()))
                .body("subject", equalTo(session.subject()))
                .body("lines", hasSize(1))
                .body("lines[0].productId", equalTo("tea"))
                .body("lines[0].quantity", equalTo(2))
                .body("version", equalTo(1));
        asService().delete("/internal/sessions/" + session.sessionId() + "/cart").then().statusCode(204);
        asService().delete("/internal/sessions/" + session.sessionId() + "/cart").then().statusCode(204);
        asService().get("/internal/sessions/" + session.sessionId() + "/cart").then().body("lines", hasSize(0));

        asService().header("X-Lock-Token", lockToken).delete("/internal/locks/cart:" + session.sessionId())
                .then().statusCode(204);
        session.json().body(Map.of("productId", "cup", "quantity", 1)).post("/cart/lines").then().statusCode(200);
    }

    @Test
    void internalCartEndpointsAreForServicesAndKnowOnlyLiveSessions() {
        asService().get("/internal/sessions/" + "0".repeat(32) + "/cart")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        asService().delete("/internal/sessions/" + "0".repeat(32) + "/cart").then().statusCode(204);
        as(session.bearer()).get("/internal/sessions/" + session.sessionId() + "/cart").then().statusCode(403);
        as(Tokens.admin()).delete("/internal/sessions/" + session.sessionId() + "/cart").then().statusCode(403);
        given().get("/internal/sessions/" + session.sessionId() + "/cart").then().statusCode(401);
    }

    @Test
    void guestsHaveCartsToo() {
        String token = given().header("X-Forwarded-For", Api.someClientAddress()).post("/sessions")
                .then().statusCode(201).extract().path("token");
        given().header(Api.SESSION_TOKEN, token).contentType(ContentType.JSON).body(Map.of("productId", "tea", "quantity", 1))
                .post("/cart/lines").then().statusCode(200).body("lines[0].productId", equalTo("tea"));
        given().header(Api.SESSION_TOKEN, token).get("/cart").then().statusCode(200).body("lines", hasSize(1));
    }
}
