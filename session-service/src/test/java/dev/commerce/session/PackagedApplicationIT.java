package dev.commerce.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.testing.PackagedApplicationContract;
import dev.commerce.testing.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;

/**
 * The packaged service (target/quarkus-app, or the native executable with -Pnative) in its prod profile, on a real
 * redis-server from the local backends: platform endpoints, token checks, and a session kept in Redis.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT extends PackagedApplicationContract {

    private static final String SESSION_TOKEN = "X-Session-Token";

    @Override
    protected String storeCheckName() {
        return "Redis connection health check";
    }

    @Override
    protected String protectedPath() {
        return "/sessions";
    }

    @Test
    void sessionLivesInRedisUntilLogout() {
        String subject = "packaged-" + UUID.randomUUID();
        String bearer = Tokens.bearer(Tokens.customer(subject));
        Response created = given().header("Authorization", bearer).header("X-Forwarded-For", "198.18.7.7")
                .post("/sessions")
                .then().statusCode(201)
                .body("sessionId", matchesPattern("[0-9a-f]{32}"))
                .extract().response();
        String sessionId = created.path("sessionId");
        String token = created.path("token");

        given().header("Authorization", bearer).header(SESSION_TOKEN, token).get("/sessions/current")
                .then().statusCode(200)
                .body("sessionId", equalTo(sessionId))
                .body("subject", equalTo(subject));
        given().header("Authorization", bearer).get("/sessions")
                .then().statusCode(200)
                .body("items.sessionId", hasItem(sessionId));

        given().header("Authorization", bearer).header(SESSION_TOKEN, token).delete("/sessions/current")
                .then().statusCode(204);
        given().header("Authorization", bearer).header(SESSION_TOKEN, token).get("/sessions/current")
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem:invalid-session"));
    }

    @Test
    void malformedSessionIdIsABadRequestProblem() {
        given().header("Authorization", Tokens.bearer(Tokens.customer("packaged-customer")))
                .delete("/sessions/{id}", "not-a-session-id")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400));
    }
}
