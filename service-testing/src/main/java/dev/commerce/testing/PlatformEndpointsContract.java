package dev.commerce.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;

/**
 * What every service exposes the same way: health, metrics, OpenAPI, and problem+json for unknown routes.
 * A service's test extends this and names the readiness check that talks to its store.
 */
public abstract class PlatformEndpointsContract {

    /** Name of the readiness check that proves the store answers. */
    protected abstract String storeCheckName();

    @Test
    void readinessReportsTheStoreUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(storeCheckName()));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", not(equalTo(null)));
    }

    @Test
    void unknownRouteIsAProblemNotAStackTrace() {
        given().accept("application/json").when().get("/no/such/route")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/no/such/route"))
                .body(not(containsString("Exception")));
    }
}
