package dev.commerce.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.test.junit.QuarkusTest;

/** The reactive client reaches the real redis-server; a value written with a TTL is read back. */
@QuarkusTest
class RedisRoundTripTest {

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void valueRoundTripsWithItsTtl() {
        var values = redis.value(String.class);
        values.set("round-trip:1", "hello", new SetArgs().ex(Duration.ofSeconds(60))).await().atMost(Duration.ofSeconds(5));

        assertThat(values.get("round-trip:1").await().atMost(Duration.ofSeconds(5))).isEqualTo("hello");
        assertThat(redis.key().ttl("round-trip:1").await().atMost(Duration.ofSeconds(5))).isBetween(1L, 60L);
    }
}
