package dev.commerce.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order state machine and the outbox backoff, as plain rules. */
class OrderStatusTest {

    @ParameterizedTest
    @CsvSource({
            "PENDING, PAID, true", "PENDING, CANCELLED, true", "PENDING, SHIPPED, false", "PENDING, PENDING, false",
            "PAID, SHIPPED, true", "PAID, CANCELLED, true", "PAID, PENDING, false",
            "SHIPPED, DELIVERED, true", "SHIPPED, CANCELLED, false", "SHIPPED, PAID, false",
            "DELIVERED, CANCELLED, false", "DELIVERED, SHIPPED, false",
            "CANCELLED, PENDING, false", "CANCELLED, PAID, false" })
    void transitions(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({ "1, 200", "2, 400", "3, 800", "5, 3200", "6, 5000", "40, 5000" })
    void backoffDoublesUpToItsCap(int attempts, long expectedMillis) {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
        assertThat(backoff.after(attempts)).isEqualTo(Duration.ofMillis(expectedMillis));
    }
}
