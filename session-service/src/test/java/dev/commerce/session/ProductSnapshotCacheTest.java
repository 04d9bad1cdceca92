package dev.commerce.session;

import static dev.commerce.session.support.Api.asService;
import static dev.commerce.session.support.Api.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.commerce.session.support.Api.CustomerSession;
import dev.commerce.session.support.CatalogServer;
import dev.commerce.session.support.Metrics;
import dev.commerce.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Cache-aside of product snapshots: hits, misses, invalidation, negative caching, one load per concurrent miss. */
@QuarkusTest
class ProductSnapshotCacheTest {

    @Inject
    RedisDataSource redis;

    @Inject
    MeterRegistry metrics;

    @TestHTTPResource("/cart")
    URL cartUrl;

    CatalogServer catalog;
    CustomerSession session;
    String productId;

    @BeforeEach
    void cartWithOneProduct() {
        catalog = CatalogServer.current();
        catalog.reset();
        productId = "p-" + UUID.randomUUID();
        catalog.active(productId, "Kettle", 2500);
        session = login("cache-" + UUID.randomUUID());
        session.json().body(Map.of("productId", productId, "quantity", 1)).post("/cart/lines").then().statusCode(200);
    }

    @AfterEach
    void releaseCatalog() {
        catalog.reset();
    }

    @Test
    void aMissLoadsOnceAndLaterReadsHitTheCache() {
        assertThat(catalog.lookups(productId)).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            session.request().get("/cart").then().statusCode(200).body("lines[0].product.name", equalTo("Kettle"));
        }
        assertThat(catalog.lookups(productId)).isEqualTo(1);

        long ttl = redis.key().pttl("product:{" + productId + "}");
        // TTL 10m + up to 1m jitter, plus 1h kept for stale reads.
        assertThat(ttl).isBetween(Duration.ofMinutes(69).toMillis(), Duration.ofMinutes(71).toMillis());
    }

    @Test
    void invalidationMakesTheNextReadLoadTheNewVersion() {
        catalog.active(productId, "Kettle", 2900);
        session.request().get("/cart").then().body("lines[0].product.price.amount", equalTo(2500));

        asService().delete("/internal/product-snapshots/" + productId).then().statusCode(204);
        asService().delete("/internal/product-snapshots/" + productId).then().statusCode(204);

        session.request().get("/cart").then()
                .body("lines[0].product.price.amount", equalTo(2900))
                .body("lines[0].product.version", equalTo(2));
        assertThat(catalog.lookups(productId)).isEqualTo(2);
    }

    @Test
    void concurrentMissesShareOneLoad() throws Exception {
        asService().delete("/internal/product-snapshots/" + productId).then().statusCode(204);
        double coalescedBefore = Metrics.snapshots(metrics, "coalesced");
        catalog.hold();

        int readers = 8;
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest read = HttpRequest.newBuilder(URI.create(cartUrl.toString()))
                .header("Authorization", Tokens.bearer(session.bearer()))
                .header("X-Session-Token", session.token())
                .build();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, readers)
                .mapToObj(i -> http.sendAsync(read, HttpResponse.BodyHandlers.ofString()))
                .toList();

        // Every reader is either the one load's owner or waiting on it before the catalog answers.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Metrics.snapshots(metrics, "coalesced") - coalescedBefore == readers - 1);
        catalog.release();

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            HttpResponse<String> answered = response.get();
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("\"name\":\"Kettle\"");
        }
        assertThat(catalog.lookups(productId)).isEqualTo(2);
    }

    @Test
    void aLoadRacingAnInvalidationDoesNotWriteWhatItRead() throws Exception {
        asService().delete("/internal/product-snapshots/" + productId).then().statusCode(204);
        catalog.hold();
        HttpRequest read = HttpRequest.newBuilder(URI.create(cartUrl.toString()))
                .header("Authorization", Tokens.bearer(session.bearer()))
                .header("X-Session-Token", session.token())
                .build();
        CompletableFuture<HttpResponse<String>> reading = HttpClient.newHttpClient().sendAsync(read, HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> catalog.lookups(productId) == 2);

        asService().delete("/internal/product-snapshots/" + productId).then().statusCode(204);
        catalog.release();

        assertThat(reading.get().statusCode()).isEqualTo(200);
        assertThat(redis.key().exists("product:{" + productId + "}")).isFalse();
        session.request().get("/cart").then().body("lines[0].product.name", equalTo("Kettle"));
        assertThat(catalog.lookups(productId)).isEqualTo(3);
    }

    @Test
    void unknownProductsAreRememberedBriefly() {
        String ghost = "ghost-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            session.json().body(Map.of("productId", ghost, "quantity", 1)).post("/cart/lines").then().statusCode(422);
        }
        assertThat(catalog.lookups(ghost)).isEqualTo(1);
        assertThat(redis.key().pttl("product:{" + ghost + "}")).isBetween(1L, 30_000L);
    }
}
