package dev.commerce.session;

import static dev.commerce.session.support.Api.as;
import static dev.commerce.session.support.Api.asService;
import static dev.commerce.session.support.Api.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.session.support.Api;
import dev.commerce.session.support.Api.CustomerSession;
import dev.commerce.session.support.CatalogServer;
import dev.commerce.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Malformed, oversized and out-of-range input gets a 4xx problem, never a 500, and leaves the cart untouched. */
@QuarkusTest
class BadInputTest {

    CustomerSession session;

    @BeforeEach
    void sessionWithOneLine() {
        CatalogServer.current().reset();
        CatalogServer.current().active("tea", "Green tea", 450);
        session = login("picky-" + UUID.randomUUID());
        session.json().body(Map.of("productId", "tea", "quantity", 1)).post("/cart/lines").then().statusCode(200);
    }

    @Test
    void badCartBodiesAreRejected() {
        problem(session.json().body("{\"productId\": \"tea\", ").post("/cart/lines"), 400)
                .body("type", equalTo("urn:problem:malformed-body"));
        problem(session.json().body("[]").post("/cart/lines"), 400).body("type", equalTo("urn:problem:malformed-body"));
        problem(session.json().post("/cart/lines"), 400).body("type", equalTo("urn:problem:validation"));
        problem(session.json().body(Map.of("productId", "tea", "quantity", -1)).post("/cart/lines"), 400)
                .body("errors[0].field", containsString("quantity"));
        problem(session.json().body(Map.of("productId", "tea", "quantity", "lots")).post("/cart/lines"), 400)
                .body("type", equalTo("urn:problem:validation"))
                .body("errors[0].field", equalTo("quantity"))
                .body("errors[0].message", equalTo("must be a whole number"));
        problem(session.json().body(Map.of("productId", "x".repeat(65), "quantity", 1)).post("/cart/lines"), 400);
        problem(session.json().body(Map.of("productId", "../etc", "quantity", 1)).post("/cart/lines"), 400);
        problem(session.json().body(Map.of("quantity", 1)).post("/cart/lines"), 400);
        problem(session.json().body(Map.of("productId", "tea", "quantity", 1_000_000)).post("/cart/lines"), 400);
        problem(session.json().body(Map.of("quantity", 2)).put("/cart/lines/" + "y".repeat(65)), 400);
        problem(session.request().contentType(ContentType.TEXT).body("tea x1").post("/cart/lines"), 415);
        // Bodies over the 64 KiB limit are refused on their declared length, before any JSON is parsed.
        problem(session.json().body("{\"productId\":\"" + "a".repeat(70_000) + "\",\"quantity\":1}").post("/cart/lines"), 413)
                .body("type", equalTo("urn:problem:payload-too-large"));

        session.request().get("/cart").then().statusCode(200).body("lines", hasSize(1)).body("lines[0].quantity", equalTo(1));
    }

    @Test
    void malformedSessionTokensAndIdsAreRejected() {
        String bearer = Tokens.bearer(session.bearer());
        problem(given().header("Authorization", bearer).get("/cart"), 401);
        problem(given().header("Authorization", bearer).header(Api.SESSION_TOKEN, "short").get("/cart"), 401);
        problem(given().header("Authorization", bearer).header(Api.SESSION_TOKEN, "A".repeat(43)).get("/cart"), 401)
                .body("type", equalTo("urn:problem:invalid-session"));
        problem(given().header("Authorization", bearer).header(Api.SESSION_TOKEN, "x".repeat(5000)).get("/cart"), 401);
        problem(as(session.bearer()).delete("/sessions/not-a-session-id"), 400);
        problem(asService().get("/internal/sessions/ZZZ/cart"), 400);
        problem(asService().delete("/internal/product-snapshots/" + "p".repeat(65)), 400);
        problem(as(session.bearer()).get("/subjects/" + "s".repeat(300) + "/sessions"), 400);
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        problem(session.request().patch("/cart"), 405).body("type", equalTo("urn:problem:method-not-allowed"));
        problem(session.request().get("/no-such-thing"), 404).body("type", equalTo("urn:problem:not-found"));
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("detail", not(containsString("Exception")));
    }
}
