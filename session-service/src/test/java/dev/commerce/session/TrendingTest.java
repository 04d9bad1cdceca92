package dev.commerce.session;

import static dev.commerce.session.support.Api.as;
import static dev.commerce.session.support.Api.asService;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.session.support.AdjustableClock;
import dev.commerce.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The leaderboard over time-bucketed sorted sets; the service clock is moved forward instead of waiting hours. */
@QuarkusTest
class TrendingTest {

    @Inject
    AdjustableClock clock;

    @Inject
    RedisDataSource redis;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void purchasesAddUpPerProductAndAReplayedOrderCountsOnce() {
        String tea = unique("tea");
        String cup = unique("cup");
        String firstOrder = unique("order");
        report(firstOrder, Map.of(tea, 3, cup, 1));
        report(unique("order"), Map.of(cup, 5));
        report(firstOrder, Map.of(tea, 3, cup, 1));

        Map<String, Integer> top = top("1h", tea, cup);
        assertThat(top).containsExactly(Map.entry(cup, 6), Map.entry(tea, 3));
        assertThat(top("24h", tea, cup)).containsExactly(Map.entry(cup, 6), Map.entry(tea, 3));
        assertThat(redis.key().keys("trending:{trending}:*")).allSatisfy(key ->
                assertThat(redis.key().pttl(key)).isPositive());
    }

    @Test
    void eachWindowMergesOnlyItsOwnBuckets() {
        String early = unique("early");
        String late = unique("late");
        report(unique("order"), Map.of(early, 7));

        clock.advance(Duration.ofHours(2));
        report(unique("order"), Map.of(late, 2));
        assertThat(top("1h", early, late)).containsExactly(Map.entry(late, 2));
        assertThat(top("24h", early, late)).containsExactly(Map.entry(early, 7), Map.entry(late, 2));

        clock.advance(Duration.ofHours(24));
        assertThat(top("24h", early, late)).containsExactly(Map.entry(late, 2));
        clock.advance(Duration.ofHours(2));
        assertThat(top("24h", early, late)).isEmpty();
    }

    @Test
    void theLimitCutsTheListFromTheTop() {
        String first = unique("first");
        String second = unique("second");
        report(unique("order"), Map.of(first, 1000, second, 999));
        List<Map<String, Object>> items = as(Tokens.customer("reader")).queryParam("window", "1h").queryParam("limit", 1)
                .get("/trending").then().statusCode(200).extract().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsEntry("productId", first).containsEntry("score", 1000);
    }

    @Test
    void badRequestsAndWrongRolesAreRefused() {
        as(Tokens.customer("reader")).queryParam("window", "7d").get("/trending")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        as(Tokens.customer("reader")).queryParam("limit", 0).get("/trending").then().statusCode(400);
        as(Tokens.customer("reader")).queryParam("limit", 101).get("/trending").then().statusCode(400);
        as(Tokens.customer("reader")).queryParam("limit", "many").get("/trending").then().statusCode(400);
        given().get("/trending").then().statusCode(401).contentType(Problem.MEDIA_TYPE);

        purchase(Map.of("orderId", "o-1", "items", List.of())).then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        purchase(Map.of("orderId", "bad id", "items", List.of(Map.of("productId", "tea", "quantity", 1)))).then().statusCode(400);
        purchase(Map.of("orderId", "o-1", "items", List.of(Map.of("productId", "tea", "quantity", 0)))).then().statusCode(400);
        purchase(Map.of("items", List.of(Map.of("productId", "tea", "quantity", 1)))).then().statusCode(400);
        as(Tokens.customer("eve")).contentType(ContentType.JSON)
                .body(Map.of("orderId", "o-1", "items", List.of(Map.of("productId", "tea", "quantity", 1))))
                .post("/internal/trending/purchases").then().statusCode(403);
    }

    private static void report(String orderId, Map<String, Integer> quantities) {
        List<Map<String, Object>> items = quantities.entrySet().stream()
                .map(entry -> Map.<String, Object>of("productId", entry.getKey(), "quantity", entry.getValue())).toList();
        purchase(Map.of("orderId", orderId, "items", items)).then().statusCode(202);
    }

    private static Response purchase(Map<String, Object> body) {
        return asService().contentType(ContentType.JSON).body(body).post("/internal/trending/purchases");
    }

    /** The window's leaderboard, in order, restricted to the given products (other tests report purchases too). */
    private static Map<String, Integer> top(String window, String... productIds) {
        List<Map<String, Object>> items = asService().queryParam("window", window).queryParam("limit", 100)
                .get("/trending").then().statusCode(200)
                .body("window", equalTo(window))
                .extract().path("items");
        Map<String, Integer> mine = new LinkedHashMap<>();
        List<String> wanted = List.of(productIds);
        items.stream().filter(item -> wanted.contains(item.get("productId")))
                .forEach(item -> mine.put((String) item.get("productId"), ((Number) item.get("score")).intValue()));
        return mine;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
