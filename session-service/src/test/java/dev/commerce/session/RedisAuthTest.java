package dev.commerce.session;

import static dev.commerce.session.support.Api.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.commerce.session.support.Api.CustomerSession;
import dev.commerce.session.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The service authenticates to a redis-server with requirepass (ElastiCache AUTH) using quarkus.redis.password. */
@QuarkusTest
@TestProfile(Profiles.PasswordRedis.class)
class RedisAuthTest {

    @Test
    void worksAgainstARedisThatRequiresAuth() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        CustomerSession session = login("auth-" + UUID.randomUUID());
        session.request().get("/sessions/current").then().statusCode(200).body("subject", equalTo(session.subject()));
    }
}
