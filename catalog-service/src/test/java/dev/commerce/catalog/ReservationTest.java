package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.activeProduct;
import static dev.commerce.catalog.support.CatalogApi.admin;
import static dev.commerce.catalog.support.CatalogApi.customer;
import static dev.commerce.catalog.support.CatalogApi.product;
import static dev.commerce.catalog.support.CatalogApi.reservation;
import static dev.commerce.catalog.support.CatalogApi.service;
import static dev.commerce.catalog.support.CatalogApi.stockOf;
import static dev.commerce.catalog.support.CatalogApi.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import io.quarkus.test.junit.QuarkusTest;

/** The reservation contract order-service relies on: reserve, commit, release, each idempotent. */
@QuarkusTest
class ReservationTest {

    @Test
    void reserveTakesStockOnceAndReplaysTheSameResult() {
        String book = activeProduct("books", 10);
        String pen = activeProduct("office", 5);
        String orderId = uniqueId("order");
        Map<String, Object> body = reservation(lines(book, 3, pen, 1));

        String first = service().body(body).put("/internal/reservations/{id}", orderId)
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/internal/reservations/" + orderId))
                .body("orderId", equalTo(orderId))
                .body("status", equalTo("RESERVED"))
                .body("lines.productId", containsInAnyOrder(book, pen))
                .body("lines.find { it.productId == '%s' }.quantity".formatted(book), equalTo(3))
                .body("lines.find { it.productId == '%s' }.unitPrice.amount".formatted(book), equalTo(1999))
                .body("lines.find { it.productId == '%s' }.unitPrice.currency".formatted(book), equalTo("EUR"))
                .body("expiresAt", notNullValue())
                .extract().asString();
        Instant expiresAt = Instant.parse(service().get("/internal/reservations/{id}", orderId).jsonPath().getString("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));

        String replay = service().body(body).put("/internal/reservations/{id}", orderId).then().statusCode(200).extract().asString();

        assertThat(replay).isEqualTo(first);
        assertThat(stockOf(book)).isEqualTo(7);
        assertThat(stockOf(pen)).isEqualTo(4);
    }

    @Test
    void reservingDifferentLinesUnderAUsedOrderIdIsAConflict() {
        String book = activeProduct("books", 10);
        String orderId = uniqueId("order");
        service().body(reservation(lines(book, 1))).put("/internal/reservations/{id}", orderId).then().statusCode(201);

        service().body(reservation(lines(book, 2))).put("/internal/reservations/{id}", orderId)
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:problem:reservation-mismatch"));
        assertThat(stockOf(book)).isEqualTo(9);
    }

    @Test
    void insufficientStockListsTheShortLinesAndTakesNothing() {
        String plenty = activeProduct("books", 10);
        String scarce = activeProduct("books", 2);
        String orderId = uniqueId("order");

        service().body(reservation(lines(plenty, 4, scarce, 3))).put("/internal/reservations/{id}", orderId)
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem:insufficient-stock"))
                .body("shortLines", hasSize(1))
                .body("shortLines[0].productId", equalTo(scarce))
                .body("shortLines[0].requested", equalTo(3))
                .body("shortLines[0].available", equalTo(2));

        assertThat(stockOf(plenty)).isEqualTo(10);
        assertThat(stockOf(scarce)).isEqualTo(2);
        service().get("/internal/reservations/{id}", orderId).then().statusCode(404);
    }

    @Test
    void unknownDraftAndArchivedProductsAreUnavailable() {
        String active = activeProduct("books", 5);
        String draft = uniqueId("p");
        admin().body(product(draft, "books", "Draft", 5, "DRAFT")).post("/products").then().statusCode(201);
        String archived = activeProduct("books", 5);
        admin().header("If-Match", "\"1\"").delete("/products/{id}", archived).then().statusCode(200);
        String unknown = uniqueId("unknown");

        service().body(reservation(lines(active, 1, draft, 1, archived, 1, unknown, 1)))
                .put("/internal/reservations/{id}", uniqueId("order"))
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem:unavailable-products"))
                .body("productIds", containsInAnyOrder(draft, archived, unknown));
        assertThat(stockOf(active)).isEqualTo(5);
    }

    @Test
    void commitIsFinalAndIdempotent() {
        String book = activeProduct("books", 4);
        String orderId = uniqueId("order");
        service().body(reservation(lines(book, 2))).put("/internal/reservations/{id}", orderId).then().statusCode(201);

        service().post("/internal/reservations/{id}/commit", orderId).then().statusCode(200).body("status", equalTo("COMMITTED"));
        service().post("/internal/reservations/{id}/commit", orderId).then().statusCode(200).body("status", equalTo("COMMITTED"));
        service().body(reservation(lines(book, 2))).put("/internal/reservations/{id}", orderId)
                .then().statusCode(200).body("status", equalTo("COMMITTED"));

        assertThat(stockOf(book)).isEqualTo(2);
        service().post("/internal/reservations/{id}/commit", uniqueId("order")).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void releaseReturnsStockExactlyOnce() {
        String book = activeProduct("books", 6);
        String orderId = uniqueId("order");
        service().body(reservation(lines(book, 5))).put("/internal/reservations/{id}", orderId).then().statusCode(201);
        assertThat(stockOf(book)).isEqualTo(1);

        service().post("/internal/reservations/{id}/release", orderId).then().statusCode(200).body("status", equalTo("RELEASED"));
        service().post("/internal/reservations/{id}/release", orderId).then().statusCode(200).body("status", equalTo("RELEASED"));

        assertThat(stockOf(book)).isEqualTo(6);
        service().post("/internal/reservations/{id}/commit", orderId)
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:problem:reservation-released"));
        service().body(reservation(lines(book, 5))).put("/internal/reservations/{id}", orderId)
                .then().statusCode(200).body("status", equalTo("RELEASED"));
        assertThat(stockOf(book)).isEqualTo(6);
        service().post("/internal/reservations/{id}/release", uniqueId("order")).then().statusCode(404);
    }

    @Test
    void releasingACommittedReservationRestocksOnce() {
        String book = activeProduct("books", 3);
        String orderId = uniqueId("order");
        service().body(reservation(lines(book, 3))).put("/internal/reservations/{id}", orderId).then().statusCode(201);
        service().post("/internal/reservations/{id}/commit", orderId).then().statusCode(200);
        assertThat(stockOf(book)).isZero();

        service().post("/internal/reservations/{id}/release", orderId).then().statusCode(200).body("status", equalTo("RELEASED"));
        service().post("/internal/reservations/{id}/release", orderId).then().statusCode(200);

        assertThat(stockOf(book)).isEqualTo(3);
    }

    @Test
    void onlyServicesReserve() {
        String book = activeProduct("books", 3);
        String orderId = uniqueId("order");

        customer().body(reservation(lines(book, 1))).put("/internal/reservations/{id}", orderId)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        admin().body(reservation(lines(book, 1))).put("/internal/reservations/{id}", orderId).then().statusCode(403);
        given().contentType("application/json").body(reservation(lines(book, 1))).put("/internal/reservations/{id}", orderId)
                .then().statusCode(401);
        customer().post("/internal/reservations/{id}/release", orderId).then().statusCode(403);

        assertThat(stockOf(book)).isEqualTo(3);
    }

    private static Map<String, Integer> lines(Object... productAndQuantity) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.put((String) productAndQuantity[i], (Integer) productAndQuantity[i + 1]);
        }
        return lines;
    }
}
