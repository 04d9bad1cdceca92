package dev.commerce.session;

import static dev.commerce.session.support.Api.asService;
import static dev.commerce.session.support.Api.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.session.support.Api;
import dev.commerce.session.support.Api.CustomerSession;
import dev.commerce.session.support.CatalogServer;
import dev.commerce.session.support.Profiles;
import dev.commerce.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Idle timeout 2 s, absolute lifetime 6 s, snapshot TTL 1 s (see {@link Profiles.ShortLived}). */
@QuarkusTest
@TestProfile(Profiles.ShortLived.class)
class SessionExpiryTest {

    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration ABSOLUTE = Duration.ofSeconds(6);

    @Inject
    RedisDataSource redis;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @AfterEach
    void restoreCatalog() {
        CatalogServer.current().reset();
        circuitBreakers.resetAll();
    }

    @Test
    void anUnusedSessionExpiresAfterTheIdleTimeoutTogetherWithItsCart() {
        CatalogServer.current().active("tea", "Green tea", 450);
        CustomerSession session = login("idle-" + UUID.randomUUID());
        Instant created = Instant.now();
        session.json().body(Map.of("productId", "tea", "quantity", 1)).post("/cart/lines").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !redis.key().exists("session:{" + session.sessionId() + "}"));
        assertThat(Duration.between(created, Instant.now())).isGreaterThanOrEqualTo(IDLE);
        assertThat(redis.key().exists("cart:{" + session.sessionId() + "}")).isFalse();
        session.request().get("/cart").then().statusCode(401).body("type", equalTo("urn:problem:invalid-session"));
    }

    @Test
    void usingASessionKeepsItAlivePastTheIdleTimeoutButNotPastItsLifetime() {
        Instant created = Instant.now();
        String subject = "busy-" + UUID.randomUUID();
        var answer = Api.as(Tokens.customer(subject)).header("X-Forwarded-For", Api.someClientAddress())
                .post("/sessions").then().statusCode(201).extract();
        CustomerSession session = new CustomerSession(subject, Tokens.customer(subject),
                answer.path("sessionId"), answer.path("token"));
        Instant expiresAt = Instant.parse(answer.path("expiresAt"));

        // Used every 250 ms: alive at twice the idle timeout, then gone at the absolute expiry however busy.
        await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(250)).until(() -> {
            int status = session.request().get("/sessions/current").then().extract().statusCode();
            if (Duration.between(created, Instant.now()).compareTo(IDLE.multipliedBy(2)) < 0) {
                assertThat(status).isEqualTo(200);
            }
            return status == 401;
        });
        assertThat(Instant.now()).isAfterOrEqualTo(expiresAt);
        assertThat(Duration.between(created, Instant.now())).isGreaterThanOrEqualTo(ABSOLUTE.minusMillis(50));
    }

    @Test
    void theIdleExpiryNeverPassesTheAbsoluteExpiry() {
        CustomerSession session = login("capped-" + UUID.randomUUID());
        var current = session.request().get("/sessions/current").then().statusCode(200).extract();
        Instant idle = Instant.parse(current.path("idleExpiresAt"));
        Instant absolute = Instant.parse(current.path("expiresAt"));
        assertThat(idle).isBeforeOrEqualTo(absolute);
        assertThat(redis.key().pttl("session:{" + session.sessionId() + "}")).isBetween(1L, IDLE.toMillis());
    }

    @Test
    void anExpiredSnapshotIsServedStaleWhileCatalogFails() {
        CatalogServer catalog = CatalogServer.current();
        catalog.active("kettle", "Kettle", 2500);
        CustomerSession session = login("stale-" + UUID.randomUUID());
        session.json().body(Map.of("productId", "kettle", "quantity", 2)).post("/cart/lines")
                .then().statusCode(200).body("lines[0].stale", equalTo(false));
        catalog.failWith(500);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                session.request().get("/cart").then().statusCode(200)
                        .body("lines[0].stale", equalTo(true))
                        .body("lines[0].product.name", equalTo("Kettle"))
                        .body("lines[0].lineTotal.amount", equalTo(5000)));

        catalog.recover();
        circuitBreakers.resetAll();
        session.request().get("/cart").then().body("lines[0].stale", equalTo(false));
    }

    @Test
    void withGuestsDisabledAnonymousCallersGetNoSession() {
        given().header("X-Forwarded-For", Api.someClientAddress()).post("/sessions")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        asService().get("/internal/sessions/" + "1".repeat(32) + "/cart").then().statusCode(404).body("lines", nullValue());
    }
}
