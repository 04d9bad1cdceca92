package dev.commerce.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.commerce.system.Shop.Customer;
import dev.commerce.system.Shop.Session;
import io.restassured.response.Response;

/**
 * The checkout flow across all four services: session and cart (session-service), reservation (catalog-service),
 * order (order-service), then the post-commit steps the outbox drives (reservation committed, cart cleared,
 * trending updated), and cancellation returning the stock exactly once.
 */
@ExtendWith(SystemUnderTest.class)
class CheckoutFlowIT {

    @Test
    void checkoutThenCancel(Shop shop) {
        String category = Shop.newCategory();
        String kettle = shop.createProduct(category, "Kettle", 2_499, 10);
        String mug = shop.createProduct(category, "Mug", 650, 5);
        Customer alice = shop.newCustomer("alice");

        Session session = shop.openSession(alice);
        shop.fillCart(alice, session, Map.of(kettle, 2, mug, 3));
        assertThat(shop.cartLines(alice, session)).hasSize(2);

        String key = UUID.randomUUID().toString();
        Response placed = shop.checkout(alice, session, key);
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        String orderId = placed.path("id");
        assertThat(placed.header("Location")).endsWith("/orders/" + orderId);
        assertThat(placed.header("ETag")).isNotBlank();
        assertThat(placed.<String>path("status")).isEqualTo("PENDING");

        // The same key again: the original answer, not a second order.
        Response replay = shop.checkout(alice, session, key);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.<String>path("id")).isEqualTo(orderId);

        // Visible at once to its owner, with the lines, prices and total catalog reserved at.
        Response order = shop.order(alice.token(), orderId);
        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(order.<String>path("customerId")).isEqualTo(alice.subject());
        List<Map<String, Object>> lines = order.path("lines");
        assertThat(lines).extracting(line -> line.get("productId"), line -> line.get("quantity"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(kettle, 2),
                        org.assertj.core.groups.Tuple.tuple(mug, 3));
        assertThat(order.<Integer>path("total.amount")).isEqualTo(2 * 2_499 + 3 * 650);
        assertThat(order.<String>path("total.currency")).isEqualTo("EUR");

        // Stock left catalog with the reservation (before the 201).
        assertThat(shop.stock(kettle)).isEqualTo(8);
        assertThat(shop.stock(mug)).isEqualTo(2);

        // Post-commit steps, driven by the outbox.
        Shop.eventually().untilAsserted(() -> assertThat(shop.reservationStatus(orderId)).isEqualTo("COMMITTED"));
        Shop.eventually().untilAsserted(() -> assertThat(shop.cartLines(alice, session)).isEmpty());
        Shop.eventually().untilAsserted(() -> {
            assertThat(shop.trendingScore(alice, kettle)).isEqualTo(2);
            assertThat(shop.trendingScore(alice, mug)).isEqualTo(3);
        });
        assertThat(shop.stock(kettle)).isEqualTo(8);

        // Cancel: stock comes back once, a second cancel is refused.
        Response cancelled = shop.cancel(alice.token(), orderId);
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(cancelled.<String>path("status")).isEqualTo("CANCELLED");
        Shop.eventually().untilAsserted(() -> assertThat(shop.reservationStatus(orderId)).isEqualTo("RELEASED"));
        assertThat(shop.stock(kettle)).isEqualTo(10);
        assertThat(shop.stock(mug)).isEqualTo(5);

        Response again = shop.cancel(alice.token(), orderId);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.contentType()).startsWith(Shop.PROBLEM_JSON);
        assertThat(shop.stock(kettle)).isEqualTo(10);
        assertThat(shop.order(alice.token(), orderId).<String>path("status")).isEqualTo("CANCELLED");
    }
}
