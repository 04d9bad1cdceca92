package dev.commerce.session;

import static dev.commerce.session.support.Api.as;
import static dev.commerce.session.support.Api.asAdmin;
import static dev.commerce.session.support.Api.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.session.support.Api;
import dev.commerce.session.support.Api.CustomerSession;
import dev.commerce.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SessionLifecycleTest {

    @Inject
    RedisDataSource redis;

    @Test
    void createdSessionHasAnOpaqueTokenAndBothExpiries() {
        Response created = as(Tokens.customer("ada")).header("X-Forwarded-For", Api.someClientAddress())
                .post("/sessions")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .header("RateLimit-Limit", "20")
                .body("sessionId", matchesPattern("[0-9a-f]{32}"))
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .extract().response();
        Instant expiresAt = Instant.parse(created.path("expiresAt"));
        Instant idleExpiresAt = Instant.parse(created.path("idleExpiresAt"));
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofHours(11), Duration.ofHours(12));
        assertThat(Duration.between(Instant.now(), idleExpiresAt)).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));

        given().header("Authorization", Tokens.bearer(Tokens.customer("ada"))).header(Api.SESSION_TOKEN, created.<String>path("token"))
                .get("/sessions/current")
                .then().statusCode(200)
                .body("sessionId", equalTo(created.path("sessionId")))
                .body("subject", equalTo("ada"))
                .body("guest", equalTo(false))
                .body("token", equalTo(null));
    }

    @Test
    void redisHoldsOnlyTheTokensDigestNeverTheToken() throws Exception {
        CustomerSession session = login("grace-" + UUID.randomUUID());
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(session.token().getBytes(StandardCharsets.US_ASCII)));

        List<String> everything = new ArrayList<>();
        for (String key : redis.key().keys("*")) {
            everything.add(key);
            switch (redis.key().type(key)) {
                case HASH -> redis.hash(String.class).hgetall(key).forEach((field, value) -> {
                    everything.add(field);
                    everything.add(value);
                });
                case STRING -> everything.add(redis.value(String.class).get(key));
                case ZSET -> everything.addAll(redis.sortedSet(String.class).zrange(key, 0, -1));
                default -> { }
            }
        }
        assertThat(everything).noneMatch(text -> text != null && text.contains(session.token()));
        assertThat(redis.hash(String.class).hget("session:{" + session.sessionId() + "}", "tokenHash")).isEqualTo(digest);
        assertThat(session.sessionId()).isEqualTo(digest.substring(0, 32));
    }

    @Test
    void logoutEndsTheSessionAndItsToken() {
        CustomerSession session = login("alan");
        session.request().delete("/sessions/current").then().statusCode(204);

        session.request().get("/sessions/current")
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem:invalid-session"));
        session.request().get("/cart").then().statusCode(401);
    }

    @Test
    void customerListsAndRevokesTheirOwnSessionsOnly() {
        String subject = "linus-" + UUID.randomUUID();
        CustomerSession laptop = login(subject);
        CustomerSession phone = login(subject);
        CustomerSession stranger = login("mallory-" + UUID.randomUUID());

        as(laptop.bearer()).get("/sessions")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].sessionId", equalTo(phone.sessionId()))
                .body("items.sessionId", hasItem(laptop.sessionId()));

        as(stranger.bearer()).delete("/sessions/" + phone.sessionId()).then().statusCode(404);
        phone.request().get("/sessions/current").then().statusCode(200);

        as(laptop.bearer()).delete("/sessions/" + phone.sessionId()).then().statusCode(204);
        phone.request().get("/sessions/current").then().statusCode(401);
        laptop.request().get("/sessions/current").then().statusCode(200);
        as(laptop.bearer()).get("/sessions").then().body("items.sessionId", equalTo(List.of(laptop.sessionId())));
    }

    @Test
    void revokeAllEndsEverySessionOfTheSubjectForSelfAndAdmin() {
        String subject = "barbara-" + UUID.randomUUID();
        CustomerSession first = login(subject);
        CustomerSession second = login(subject);
        CustomerSession bystander = login("other-" + UUID.randomUUID());

        as(bystander.bearer()).delete("/subjects/" + subject + "/sessions")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(first.bearer()).delete("/subjects/" + subject + "/sessions")
                .then().statusCode(200)
                .body("subject", equalTo(subject))
                .body("revoked", equalTo(2));
        first.request().get("/sessions/current").then().statusCode(401);
        second.request().get("/sessions/current").then().statusCode(401);
        bystander.request().get("/sessions/current").then().statusCode(200);

        CustomerSession third = login(subject);
        asAdmin().get("/subjects/" + subject + "/sessions").then().statusCode(200).body("items", hasSize(1));
        asAdmin().delete("/subjects/" + subject + "/sessions").then().statusCode(200).body("revoked", equalTo(1));
        third.request().get("/sessions/current").then().statusCode(401);
        assertThat(redis.key().exists("subject-sessions:{" + subject + "}")).isFalse();
    }

    @Test
    void theIndexOfASubjectIsBoundedByEndingTheOldestSession() {
        String subject = "prolific-" + UUID.randomUUID();
        List<CustomerSession> sessions = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            sessions.add(login(subject));
        }
        sessions.get(0).request().get("/sessions/current").then().statusCode(401);
        sessions.get(1).request().get("/sessions/current").then().statusCode(200);
        sessions.get(20).request().get("/sessions/current").then().statusCode(200);
        assertThat(redis.sortedSet(String.class).zcard("subject-sessions:{" + subject + "}")).isEqualTo(20);
        assertThat(redis.key().pttl("subject-sessions:{" + subject + "}")).isPositive();
        as(sessions.get(5).bearer()).get("/sessions").then().body("items", hasSize(20))
                .body("items.sessionId", not(hasItem(sessions.get(0).sessionId())));
    }

    @Test
    void guestSessionNeedsNoBearerButCustomerSessionsDo() {
        Response guest = given().header("X-Forwarded-For", Api.someClientAddress()).post("/sessions")
                .then().statusCode(201).extract().response();
        given().header(Api.SESSION_TOKEN, guest.<String>path("token")).get("/sessions/current")
                .then().statusCode(200)
                .body("guest", equalTo(true))
                .body("subject", equalTo("guest:" + guest.path("sessionId")));

        CustomerSession customer = login("hedy");
        given().header(Api.SESSION_TOKEN, customer.token()).get("/sessions/current")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void oneCustomerCannotUseAnothersSession() {
        CustomerSession alice = login("alice");
        given().header("Authorization", Tokens.bearer(Tokens.customer("bob"))).header(Api.SESSION_TOKEN, alice.token())
                .get("/cart")
                .then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(403));
        as(Tokens.customer("bob")).get("/subjects/alice/sessions").then().statusCode(403);
    }

    @Test
    void onlyValidCustomerTokensCreateCustomerSessions() {
        as(Tokens.admin()).post("/sessions").then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        as(Tokens.service()).post("/sessions").then().statusCode(403);
        as(Tokens.expired("ada", "customer")).post("/sessions")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE).header("WWW-Authenticate", notNullValue());
        given().header("Authorization", "Bearer not-a-jwt").post("/sessions").then().statusCode(401);
        given().get("/sessions").then().statusCode(401);
        as(Tokens.service()).get("/sessions").then().statusCode(403);
    }
}
