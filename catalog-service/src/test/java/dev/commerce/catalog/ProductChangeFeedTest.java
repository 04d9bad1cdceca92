package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.activeProduct;
import static dev.commerce.catalog.support.CatalogApi.admin;
import static dev.commerce.catalog.support.CatalogApi.customer;
import static dev.commerce.catalog.support.CatalogApi.product;
import static dev.commerce.catalog.support.CatalogApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.catalog.domain.ProductChangeFeed;
import dev.commerce.catalog.store.CategoryStore;
import dev.commerce.catalog.support.PeerServer;
import dev.commerce.catalog.support.PeerServices;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The consumer of the table's DynamoDB Stream (DynamoDB Local implements the Streams API): category counts follow
 * product changes, session-service (a real HTTP server here) is told to drop each changed product's snapshot, and
 * the shard checkpoints make a restart resume where it stopped.
 */
@QuarkusTest
@WithTestResource(value = PeerServices.class, scope = TestResourceScope.GLOBAL)
class ProductChangeFeedTest {

    private static final Duration STREAM = Duration.ofSeconds(20);

    @Inject
    CategoryStore categories;

    @Inject
    ProductChangeFeed feed;

    @Test
    void categoryCountsFollowActiveProducts() {
        String books = uniqueCategory("books");
        String comics = uniqueCategory("comics");
        String first = activeProduct(books, 1);
        String second = activeProduct(books, 1);
        activeProduct(books, 1);
        String draft = uniqueId("p");
        admin().body(product(draft, books, "Draft", 1, "DRAFT")).post("/products").then().statusCode(201);
        await().atMost(STREAM).untilAsserted(() -> assertThat(counts()).containsEntry(books, 3L));

        admin().header("If-Match", "\"1\"").delete("/products/{id}", first).then().statusCode(200);
        admin().header("If-Match", "\"1\"").body(Map.of("category", comics)).patch("/products/{id}", second).then().statusCode(200);
        admin().header("If-Match", "\"1\"").body(Map.of("status", "ACTIVE")).patch("/products/{id}", draft).then().statusCode(200);

        await().atMost(STREAM).untilAsserted(() -> assertThat(counts()).containsEntry(books, 2L).containsEntry(comics, 1L));
    }

    @Test
    void replayedStreamRecordsLeaveCountsAlone() {
        String category = uniqueCategory("replay");
        String product = activeProduct(category, 1);
        await().atMost(STREAM).untilAsserted(() -> assertThat(counts()).containsEntry(category, 1L));

        String elsewhere = uniqueCategory("elsewhere");
        categories.count(product, BigInteger.ONE, Optional.of(elsewhere));
        categories.count(product, BigInteger.ONE, Optional.empty());

        assertThat(counts()).containsEntry(category, 1L).doesNotContainKey(elsewhere);
    }

    @Test
    void everyChangedProductIsInvalidatedEvenWhenSessionServiceFailsAtFirst() {
        PeerServer session = PeerServices.server();
        String product = activeProduct(uniqueCategory("invalidate"), 5);
        await().atMost(STREAM).until(() -> session.invalidations(product) >= 1);

        String flaky = uniqueId("p");
        session.failInvalidations(flaky, 2);
        admin().body(product(flaky, "invalidate", "Flaky", 1, "ACTIVE")).post("/products").then().statusCode(201);

        await().atMost(STREAM).until(() -> session.invalidations(flaky) >= 1);
        assertThat(session.failedInvalidations(flaky)).isEqualTo(2);
    }

    @Test
    void restartResumesFromTheCheckpointWithoutLosingOrReplaying() {
        PeerServer session = PeerServices.server();
        String before = activeProduct(uniqueCategory("restart"), 1);
        await().atMost(STREAM).until(() -> session.invalidations(before) >= 1);
        int invalidatedBefore = session.invalidations(before);

        feed.stepDown();
        String after = activeProduct(uniqueCategory("restart"), 1);

        await().atMost(STREAM).until(() -> session.invalidations(after) >= 1);
        assertThat(session.invalidations(before)).isEqualTo(invalidatedBefore);
    }

    private static String uniqueCategory(String prefix) {
        return prefix + "-" + Integer.toUnsignedString(uniqueId("c").hashCode(), 36);
    }

    /** Every category's count, following the cursor through all pages. */
    private static Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        String cursor = null;
        do {
            var request = customer().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/categories").then().statusCode(200).extract().jsonPath();
            for (int i = 0; i < page.getList("items").size(); i++) {
                counts.put(page.getString("items[" + i + "].name"), page.getLong("items[" + i + "].productCount"));
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return counts;
    }
}
