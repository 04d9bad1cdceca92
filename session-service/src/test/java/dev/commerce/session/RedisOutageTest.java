package dev.commerce.session;

import static dev.commerce.session.support.Api.asService;
import static dev.commerce.session.support.Api.login;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.session.support.Api.CustomerSession;
import dev.commerce.session.support.OwnRedisResource;
import dev.commerce.session.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** redis-server is stopped under the running service and started again on the same port. */
@QuarkusTest
@TestProfile(Profiles.OwnRedis.class)
class RedisOutageTest {

    @AfterEach
    void redisIsBack() {
        OwnRedisResource.redis().start();
    }

    @Test
    void withoutRedisRequestsFailFastWith503AndTheServiceRecoversByItself() {
        CustomerSession before = login("outage-" + UUID.randomUUID());
        before.request().get("/sessions/current").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);

        OwnRedisResource.redis().stop();

        before.request().get("/sessions/current")
                .then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .body("status", equalTo(503));
        asService().contentType(ContentType.JSON).body(Map.of("ttlMs", 1000)).post("/internal/locks/outage")
                .then().statusCode(503).header("Retry-After", "5");
        asService().contentType(ContentType.JSON).body(Map.of("key", "k")).post("/internal/rate-limits/checkout")
                .then().statusCode(503);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));

        OwnRedisResource.redis().start();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.name", hasItem("session-events")));
        // Nothing is persisted, so the old session is gone: a clean 401, and new sessions work again.
        before.request().get("/sessions/current").then().statusCode(401);
        CustomerSession after = login("recovered-" + UUID.randomUUID());
        after.request().get("/sessions/current").then().statusCode(200);
        asService().contentType(ContentType.JSON).body(Map.of("ttlMs", 1000)).post("/internal/locks/outage")
                .then().statusCode(201);
    }
}
