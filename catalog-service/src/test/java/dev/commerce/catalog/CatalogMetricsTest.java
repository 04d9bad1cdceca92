package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.activeProduct;
import static dev.commerce.catalog.support.CatalogApi.admin;
import static dev.commerce.catalog.support.CatalogApi.reservation;
import static dev.commerce.catalog.support.CatalogApi.service;
import static dev.commerce.catalog.support.CatalogApi.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Consumed capacity per operation, conditional-check failures and reservation outcomes show on /q/metrics. */
@QuarkusTest
class CatalogMetricsTest {

    @Test
    void storeAndReservationOutcomesAreCounted() {
        String product = activeProduct("metrics", 1);
        double reservedBefore = metric("catalog_reservations_total\\{[^}]*outcome=\"reserved\"[^}]*}");
        double shortBefore = metric("catalog_reservations_total\\{[^}]*outcome=\"insufficient_stock\"[^}]*}");
        double writeCapacityBefore = metric("catalog_dynamodb_consumed_capacity_capacity_units_total\\{[^}]*operation=\"TransactWriteItems\"[^}]*}");

        service().body(reservation(Map.of(product, 1))).put("/internal/reservations/{id}", uniqueId("order")).then().statusCode(201);
        service().body(reservation(Map.of(product, 1))).put("/internal/reservations/{id}", uniqueId("order")).then().statusCode(409);
        service().get("/products/{id}?consistent=true", product).then().statusCode(200);

        assertThat(metric("catalog_reservations_total\\{[^}]*outcome=\"reserved\"[^}]*}")).isEqualTo(reservedBefore + 1);
        assertThat(metric("catalog_reservations_total\\{[^}]*outcome=\"insufficient_stock\"[^}]*}")).isEqualTo(shortBefore + 1);
        assertThat(metric("catalog_dynamodb_consumed_capacity_capacity_units_total\\{[^}]*operation=\"TransactWriteItems\"[^}]*}"))
                .isGreaterThan(writeCapacityBefore);
        assertThat(metric("catalog_dynamodb_consumed_capacity_capacity_units_total\\{[^}]*operation=\"GetItem\"[^}]*}")).isPositive();
    }

    @Test
    void conditionalCheckFailuresAreCounted() {
        String product = activeProduct("metrics", 1);
        String pattern = "catalog_dynamodb_conditional_check_failures_total\\{[^}]*operation=\"UpdateItem\"[^}]*}";
        double before = metric(pattern);

        admin().body(Map.of("delta", -5))
                .post("/products/{id}/stock-adjustments", product).then().statusCode(409);

        assertThat(metric(pattern)).isEqualTo(before + 1);
    }

    /** The value of the first sample matching {@code series} (a regex of name and labels), 0 when absent. */
    private static double metric(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.Ee+-]+)( #.*)?$").matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
