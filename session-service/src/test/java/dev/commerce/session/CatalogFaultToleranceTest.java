package dev.commerce.session;

import static dev.commerce.session.support.Api.asService;
import static dev.commerce.session.support.Api.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.commerce.session.client.CatalogGateway;
import dev.commerce.session.support.Api.CustomerSession;
import dev.commerce.session.support.CatalogServer;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.quarkus.test.junit.QuarkusTest;

/**
 * catalog-service failing, slow, refusing or down: carts keep working without fresh product details, calls are
 * retried only when that can help, and a circuit breaker stops calling a catalog that keeps failing.
 */
@QuarkusTest
class CatalogFaultToleranceTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    CatalogServer catalog;
    CustomerSession session;
    String productId;

    @BeforeEach
    void cartWhoseSnapshotIsNotCached() {
        circuitBreakers.resetAll();
        catalog = CatalogServer.current();
        catalog.reset();
        productId = "ft-" + UUID.randomUUID();
        catalog.active(productId, "Teapot", 3900);
        session = login("ft-" + UUID.randomUUID());
        session.json().body(Map.of("productId", productId, "quantity", 1)).post("/cart/lines").then().statusCode(200);
        asService().delete("/internal/product-snapshots/" + productId).then().statusCode(204);
    }

    @AfterEach
    void restore() {
        catalog.reset();
        circuitBreakers.resetAll();
    }

    @Test
    void serverErrorsAreRetriedThenTheCartIsServedWithoutDetails() {
        catalog.failWith(500);
        int before = catalog.requests();

        cartWithoutDetails();
        assertThat(catalog.requests() - before).isEqualTo(3);
    }

    @Test
    void refusalsAreNotRetried() {
        catalog.failWith(400);
        int before = catalog.requests();

        cartWithoutDetails();
        assertThat(catalog.requests() - before).isEqualTo(1);
    }

    @Test
    void aCatalogThatDoesNotAnswerIsCutOffByTheTimeout() {
        catalog.hold();
        int before = catalog.requests();

        cartWithoutDetails();
        assertThat(catalog.requests() - before).isEqualTo(1);
    }

    @Test
    void aCatalogThatIsDownLeavesCartsWorking() {
        catalog.down();
        cartWithoutDetails();
        session.json().body(Map.of("quantity", 3)).put("/cart/lines/" + productId)
                .then().statusCode(200).body("lines[0].quantity", equalTo(3));
    }

    @Test
    void theCircuitOpensOnRepeatedFailuresAndClosesWhenCatalogRecovers() {
        catalog.failWith(500);
        cartWithoutDetails();
        cartWithoutDetails();
        assertThat(circuitBreakers.currentState(CatalogGateway.CIRCUIT)).isEqualTo(CircuitBreakerState.OPEN);

        int whileOpen = catalog.requests();
        cartWithoutDetails();
        assertThat(catalog.requests()).isEqualTo(whileOpen);

        catalog.recover();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                session.request().get("/cart").then().statusCode(200).body("lines[0].product.name", equalTo("Teapot")));
        assertThat(circuitBreakers.currentState(CatalogGateway.CIRCUIT)).isNotEqualTo(CircuitBreakerState.OPEN);
    }

    private ValidatableResponse cartWithoutDetails() {
        return session.request().get("/cart").then()
                .statusCode(200)
                .body("lines[0].productId", equalTo(productId))
                .body("lines[0].product", nullValue())
                .body("lines[0].available", equalTo(true))
                .body("complete", equalTo(false))
                .body("subtotal", nullValue());
    }
}
