package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.activeProduct;
import static dev.commerce.catalog.support.CatalogApi.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.commerce.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Many orders competing for the last units, through the HTTP API as order-service would call it. */
@QuarkusTest
class ConcurrentReservationTest {

    @TestHTTPResource("/internal/reservations/")
    URI reservations;

    @Test
    void fiftyParallelReservationsOfOneUnitAgainstStockTenYieldExactlyTen() {
        String product = activeProduct("concurrency", 10);
        String authorization = Tokens.bearer(Tokens.service());
        String body = "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":1}]}";

        try (HttpClient http = HttpClient.newHttpClient()) {
            List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 50)
                    .mapToObj(i -> HttpRequest.newBuilder(reservations.resolve("order-" + i + "-" + product))
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).build())
                    .map(request -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                    .toList();
            List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

            Map<Integer, Long> byStatus = responses.stream()
                    .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
            assertThat(byStatus).containsOnlyKeys(201, 409).containsEntry(201, 10L).containsEntry(409, 40L);
            assertThat(responses).filteredOn(r -> r.statusCode() == 409)
                    .allSatisfy(r -> assertThat(r.body()).contains("urn:problem:insufficient-stock").contains("\"available\":0"));
        }

        assertThat(stockOf(product)).isZero();
    }
}
