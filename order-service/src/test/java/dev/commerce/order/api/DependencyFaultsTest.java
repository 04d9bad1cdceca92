package dev.commerce.order.api;

import static dev.commerce.order.support.Checkouts.checkout;
import static dev.commerce.order.support.Checkouts.product;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.commerce.order.support.FakeDependencies;
import dev.commerce.order.support.FakeDependenciesResource;
import dev.commerce.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * catalog-service slow, failing or unreachable: checkout answers 503 with Retry-After and never strands stock;
 * once an order is committed in PostgreSQL, a catalog outage only delays its outbox steps.
 */
@QuarkusTest
@QuarkusTestResource(FakeDependenciesResource.class)
class DependencyFaultsTest {

    private final FakeDependencies deps = FakeDependencies.get();

    @AfterEach
    void healAndWaitForTheBreakerToClose() {
        deps.heal();
        String item = product(deps, 1_000, 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> checkout("probe", UUID.randomUUID().toString(),
                deps.cart("probe", Map.of(item, 1))).then().statusCode(201));
    }

    @Test
    void slowCatalogTimesOutWith503AndTheReservationIsReleasedAfterwards() {
        String item = product(deps, 10, 100);
        String session = deps.cart("quinn", Map.of(item, 2));
        deps.catalogDelay(4_000);

        checkout("quinn", UUID.randomUUID().toString(), session).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:problem:unavailable"));

        deps.heal();
        // The late reservations land in catalog; the compensation queued in the outbox gives the stock back.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deps.stock(item)).isEqualTo(10));
        assertThat(deps.locked("cart:" + session)).isFalse();
    }

    @Test
    void unreachableCatalogIs503AndTheBreakerStateIsInTheMetrics() {
        String item = product(deps, 10, 100);
        deps.catalogFails(503);
        for (int i = 0; i < 4; i++) {
            checkout("rita", UUID.randomUUID().toString(), deps.cart("rita", Map.of(item, 1))).then().statusCode(503)
                    .header("Retry-After", equalTo("5"));
        }
        assertThat(deps.stock(item)).isEqualTo(10);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ft_circuitbreaker_state"))
                .body(containsString("CatalogGateway"));
    }

    @Test
    void catalogFailingAfterTheCommitDelaysCommitAndCancelButLosesNothing() {
        String item = product(deps, 10, 100);
        String session = deps.cart("sam", Map.of(item, 3));
        deps.failCommitsAndReleases(true);

        String orderId = checkout("sam", UUID.randomUUID().toString(), session).then().statusCode(201).extract().path("id");
        assertThat(deps.reservationStatus(orderId)).isEqualTo("RESERVED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deps.cartLines(session)).isZero());

        given().auth().oauth2(Tokens.customer("sam")).when().post("/orders/" + orderId + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(deps.stock(item)).isEqualTo(7);

        deps.failCommitsAndReleases(false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(deps.stock(item)).isEqualTo(10);
            assertThat(deps.reservationStatus(orderId)).isEqualTo("RELEASED");
        });
        assertThat(deps.restocks(orderId)).isEqualTo(1);
    }
}
