package dev.commerce.session;

import static dev.commerce.session.support.Api.as;
import static dev.commerce.session.support.Api.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.session.support.Api;
import dev.commerce.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Sliding windows on real Redis; the test profile's {@code burst} policy admits 3 requests per 2 s. */
@QuarkusTest
class RateLimitTest {

    @Test
    void admitsExactlyTheLimitThenDeniesWithTheTimeToReset() {
        String key = "customer-" + UUID.randomUUID();
        for (int remaining = 2; remaining >= 0; remaining--) {
            hit("burst", key).then().statusCode(200)
                    .body("allowed", equalTo(true))
                    .body("limit", equalTo(3))
                    .body("remaining", equalTo(remaining));
        }
        Response denied = hit("burst", key);
        denied.then().statusCode(200).body("allowed", equalTo(false)).body("remaining", equalTo(0));
        assertThat(denied.<Integer>path("resetSeconds")).isBetween(1, 2);
        hit("burst", "someone-else-" + UUID.randomUUID()).then().body("allowed", equalTo(true));
    }

    @Test
    void theWindowSlidesRequestByRequest() {
        String key = "slider-" + UUID.randomUUID();
        hit("burst", key).then().body("allowed", equalTo(true));
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        hit("burst", key).then().body("allowed", equalTo(true));
        hit("burst", key).then().body("allowed", equalTo(true));
        hit("burst", key).then().body("allowed", equalTo(false));

        // Denied requests are not counted, so polling does not hold the window shut.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> hit("burst", key).<Boolean>path("allowed"));
        // Only the first request has left the window; the two later ones still fill it.
        hit("burst", key).then().body("allowed", equalTo(false)).body("remaining", equalTo(0));
    }

    @Test
    void sessionCreationIsLimitedPerClientAddress() {
        String address = Api.someClientAddress();
        for (int i = 0; i < 20; i++) {
            as(Tokens.customer("burst-" + i)).header("X-Forwarded-For", address).post("/sessions")
                    .then().statusCode(201).header("RateLimit-Remaining", Integer.toString(19 - i));
        }
        as(Tokens.customer("burst-21")).header("X-Forwarded-For", address).post("/sessions")
                .then().statusCode(429)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem:rate-limited"))
                .header("RateLimit-Limit", "20")
                .header("RateLimit-Remaining", "0")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
        // The address a client puts first in X-Forwarded-For is not believed; the proxy's last entry is.
        as(Tokens.customer("burst-22")).header("X-Forwarded-For", "203.0.113.9, " + address).post("/sessions")
                .then().statusCode(429);
        as(Tokens.customer("burst-23")).header("X-Forwarded-For", Api.someClientAddress()).post("/sessions")
                .then().statusCode(201);
    }

    @Test
    void unknownPoliciesAndBadKeysAreClientErrors() {
        hit("no-such-policy", "k").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        hit("burst", "").then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", notNullValue());
        hit("burst", "x".repeat(201)).then().statusCode(400);
        hit("Bad_Policy", "k").then().statusCode(400);
        asService().contentType(ContentType.JSON).body("[]").post("/internal/rate-limits/burst").then().statusCode(400);
        as(Tokens.customer("eve")).contentType(ContentType.JSON).body(Map.of("key", "eve"))
                .post("/internal/rate-limits/checkout").then().statusCode(403);
    }

    private static Response hit(String policy, String key) {
        return asService().contentType(ContentType.JSON).body(Map.of("key", key)).post("/internal/rate-limits/" + policy);
    }
}
