package dev.commerce.order.store;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.order.support.OwnPostgresProfile;
import dev.commerce.order.support.OwnPostgresResource;
import dev.commerce.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** PostgreSQL is stopped under the running service and started again on the same port. */
@QuarkusTest
@TestProfile(OwnPostgresProfile.class)
class DatabaseOutageTest {

    @AfterEach
    void postgresIsBack() {
        OwnPostgresResource.postgres().start();
    }

    @Test
    void withoutTheDatabaseRequestsAre503AndTheServiceRecoversByItself() {
        String customer = Tokens.customer("outage-" + UUID.randomUUID());
        given().auth().oauth2(customer).get("/orders").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);

        OwnPostgresResource.postgres().stop();

        given().auth().oauth2(customer).get("/orders").then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .body("type", equalTo("urn:problem:unavailable"));
        given().auth().oauth2(customer).get("/orders/" + UUID.randomUUID()).then().statusCode(503);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));

        OwnPostgresResource.postgres().start();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            given().get("/q/health/ready").then().statusCode(200);
            given().auth().oauth2(customer).get("/orders").then().statusCode(200);
        });
    }
}
