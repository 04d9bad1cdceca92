package dev.commerce.session;

import static dev.commerce.session.support.Api.as;
import static dev.commerce.session.support.Api.asService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.testing.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class LockTest {

    @Inject
    RedisDataSource redis;

    @Test
    void ofManyConcurrentContendersExactlyOneGetsTheLock() throws Exception {
        String name = "contended:" + UUID.randomUUID();
        int contenders = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Callable<Response>> attempts = IntStream.range(0, contenders).<Callable<Response>>mapToObj(i -> () -> {
                start.await();
                return asService().contentType(ContentType.JSON).body(Map.of("ttlMs", 30_000))
                        .post("/internal/locks/" + name);
            }).toList();
            List<Future<Response>> futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            List<Response> responses = futures.stream().map(LockTest::get).toList();

            assertThat(responses).filteredOn(response -> response.statusCode() == 201).hasSize(1);
            assertThat(responses).filteredOn(response -> response.statusCode() == 409).hasSize(contenders - 1)
                    .allSatisfy(denied -> {
                        assertThat(denied.contentType()).startsWith(Problem.MEDIA_TYPE);
                        assertThat(denied.<String>path("type")).isEqualTo("urn:problem:lock-held");
                        assertThat(Integer.parseInt(denied.header("Retry-After"))).isBetween(1, 30);
                    });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheRightTokenExtendsOrReleases() {
        String name = "order:" + UUID.randomUUID();
        Response grant = acquire(name, 10_000).then().statusCode(201)
                .body("name", equalTo(name))
                .body("token", matchesPattern("[A-Za-z0-9_-]{22}"))
                .body("expiresAt", notNullValue())
                .extract().response();
        String token = grant.path("token");
        assertThat(Instant.parse(grant.path("expiresAt"))).isAfter(Instant.now());

        asService().header("X-Lock-Token", "not-the-token").delete("/internal/locks/" + name)
                .then().statusCode(409).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:problem:lock-not-held"));
        asService().contentType(ContentType.JSON).body(Map.of("token", "not-the-token", "ttlMs", 60_000))
                .put("/internal/locks/" + name).then().statusCode(409);
        acquire(name, 10_000).then().statusCode(409);

        asService().contentType(ContentType.JSON).body(Map.of("token", token, "ttlMs", 60_000))
                .put("/internal/locks/" + name).then().statusCode(200).body("token", equalTo(token));
        assertThat(redis.key().pttl("lock:order:{" + name.substring("order:".length()) + "}")).isGreaterThan(10_000);

        asService().header("X-Lock-Token", token).delete("/internal/locks/" + name).then().statusCode(204);
        asService().header("X-Lock-Token", token).delete("/internal/locks/" + name).then().statusCode(204);
        acquire(name, 10_000).then().statusCode(201);
    }

    @Test
    void anExpiredLockCanBeTakenAndItsOldTokenNoLongerWorks() {
        String name = "short:" + UUID.randomUUID();
        String token = acquire(name, 300).then().statusCode(201).extract().path("token");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> acquire(name, 10_000).statusCode() == 201);
        asService().contentType(ContentType.JSON).body(Map.of("token", token, "ttlMs", 1_000))
                .put("/internal/locks/" + name).then().statusCode(409);
        asService().header("X-Lock-Token", token).delete("/internal/locks/" + name).then().statusCode(409);
    }

    @Test
    void badLockRequestsAreRejected() {
        acquire("ok-name", 0).then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        acquire("ok-name", 10 * 60_000).then().statusCode(400).body("errors[0].field", notNullValue());
        acquire("no spaces", 1_000).then().statusCode(400);
        acquire("x".repeat(65), 1_000).then().statusCode(400);
        asService().contentType(ContentType.JSON).body("{\"ttlMs\": ").post("/internal/locks/ok-name").then().statusCode(400);
        asService().delete("/internal/locks/ok-name").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        as(Tokens.customer("eve")).contentType(ContentType.JSON).body(Map.of("ttlMs", 1_000))
                .post("/internal/locks/ok-name").then().statusCode(403);
    }

    private static Response acquire(String name, long ttlMs) {
        return asService().contentType(ContentType.JSON).body(Map.of("ttlMs", ttlMs)).post("/internal/locks/" + name);
    }

    private static Response get(Future<Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
