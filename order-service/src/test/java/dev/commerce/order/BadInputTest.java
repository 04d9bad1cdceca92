package dev.commerce.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.order.support.FakeDependenciesResource;
import dev.commerce.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Bodies that cannot be read, wrong routes, methods, media types and sizes: a 4xx problem, never a 500. */
@QuarkusTest
@QuarkusTestResource(FakeDependenciesResource.class)
class BadInputTest {

    @Test
    void checkoutBodiesThatCannotBeReadAreProblems() {
        problem(checkout().body("{\"sessionId\": ").post("/orders"), 400)
                .body("type", equalTo("urn:problem:malformed-body"));
        problem(checkout().body("\"a-session\"").post("/orders"), 400)
                .body("type", equalTo("urn:problem:malformed-body"))
                .body("detail", equalTo("The request body must be an object"));
        problem(checkout().body(Map.of("sessionId", Map.of("id", "s1"))).post("/orders"), 400)
                .body("type", equalTo("urn:problem:validation"))
                .body("errors[0].field", equalTo("sessionId"))
                .body("errors[0].message", equalTo("must be a string"));
        problem(checkout().post("/orders"), 400)
                .body("type", equalTo("urn:problem:validation"));
    }

    @Test
    void anUnknownStatusListsTheKnownOnes() {
        problem(admin().header("If-Match", "\"1\"").body(Map.of("status", "TELEPORTED"))
                .patch("/orders/{id}/status", UUID.randomUUID()), 400)
                .body("type", equalTo("urn:problem:validation"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of PENDING, PAID, SHIPPED, DELIVERED, CANCELLED"));
        problem(admin().header("If-Match", "\"1\"").body(Map.of("status", "PAID", "reason", Map.of()))
                .patch("/orders/{id}/status", UUID.randomUUID()), 400)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void wrongRoutesMethodsMediaTypesAndSizesAreProblems() {
        problem(given().auth().oauth2(Tokens.customer("ray")).get("/no-such-thing"), 404)
                .body("type", equalTo("urn:problem:not-found"));
        problem(given().auth().oauth2(Tokens.customer("ray")).delete("/orders"), 405)
                .body("type", equalTo("urn:problem:method-not-allowed"));
        problem(checkout().contentType(ContentType.TEXT).body("sessionId=s1").post("/orders"), 415)
                .body("type", equalTo("urn:problem:unsupported-media-type"));
        problem(checkout().body(Map.of("sessionId", "s".repeat(1_100_000))).post("/orders"), 413)
                .body("type", equalTo("urn:problem:payload-too-large"));
    }

    private static RequestSpecification checkout() {
        return given().auth().oauth2(Tokens.customer("ray")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("detail", not(containsString("Exception")));
    }
}
