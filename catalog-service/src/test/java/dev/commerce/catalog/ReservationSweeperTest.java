package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.activeProduct;
import static dev.commerce.catalog.support.CatalogApi.reservation;
import static dev.commerce.catalog.support.CatalogApi.service;
import static dev.commerce.catalog.support.CatalogApi.stockOf;
import static dev.commerce.catalog.support.CatalogApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.catalog.domain.ReservationSweeper;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Expired reservations go back to stock exactly once. The sweeper is asked to sweep "as of" a moment after the
 * hold ended (the scheduled run uses the current time), which is how time passes here without waiting 15 minutes.
 */
@QuarkusTest
class ReservationSweeperTest {

    private static final Duration AFTER_HOLD = Duration.ofMinutes(16);

    @Inject
    ReservationSweeper sweeper;

    @Test
    void expiredReservationIsReleasedOnceAndCommittedOnesAreKept() {
        String product = activeProduct("sweeping", 10);
        String expiring = uniqueId("order");
        String committed = uniqueId("order");
        service().body(reservation(Map.of(product, 3))).put("/internal/reservations/{id}", expiring).then().statusCode(201);
        service().body(reservation(Map.of(product, 2))).put("/internal/reservations/{id}", committed).then().statusCode(201);
        service().post("/internal/reservations/{id}/commit", committed).then().statusCode(200);
        assertThat(stockOf(product)).isEqualTo(5);

        assertThat(sweeper.releaseExpired(Instant.now())).isZero();
        assertThat(stockOf(product)).isEqualTo(5);

        assertThat(sweeper.releaseExpired(Instant.now().plus(AFTER_HOLD))).isGreaterThanOrEqualTo(1);
        assertThat(sweeper.releaseExpired(Instant.now().plus(AFTER_HOLD))).isZero();

        assertThat(stockOf(product)).isEqualTo(8);
        service().get("/internal/reservations/{id}", expiring).then().statusCode(200).body("status", equalTo("RELEASED"));
        service().get("/internal/reservations/{id}", committed).then().statusCode(200).body("status", equalTo("COMMITTED"));
        service().post("/internal/reservations/{id}/commit", expiring).then().statusCode(409);
    }

    @Test
    void twoSweepersRacingReleaseEachReservationOnce() {
        String product = activeProduct("sweeping", 20);
        for (int i = 0; i < 5; i++) {
            service().body(reservation(Map.of(product, 2))).put("/internal/reservations/{id}", uniqueId("order")).then().statusCode(201);
        }
        assertThat(stockOf(product)).isEqualTo(10);

        Instant cutoff = Instant.now().plus(AFTER_HOLD);
        List<CompletableFuture<Integer>> sweepers = List.of(
                CompletableFuture.supplyAsync(() -> sweeper.releaseExpired(cutoff)),
                CompletableFuture.supplyAsync(() -> sweeper.releaseExpired(cutoff)));
        sweepers.forEach(CompletableFuture::join);

        assertThat(stockOf(product)).isEqualTo(20);
    }
}
