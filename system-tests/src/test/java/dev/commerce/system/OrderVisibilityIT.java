package dev.commerce.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.commerce.system.Shop.Customer;
import dev.commerce.system.Shop.Session;
import io.restassured.response.Response;

/**
 * One customer cannot see or touch another's order. The answer is 404 — the same as for an id that does not
 * exist — rather than 403, so order ids cannot be probed.
 */
@ExtendWith(SystemUnderTest.class)
class OrderVisibilityIT {

    @Test
    void anotherCustomersOrderIsNotFound(Shop shop) {
        String product = shop.createProduct(Shop.newCategory(), "Lamp", 3_900, 3);
        Customer alice = shop.newCustomer("alice");
        Customer bob = shop.newCustomer("bob");
        Session session = shop.openSession(alice);
        shop.fillCart(alice, session, Map.of(product, 1));
        Response placed = shop.checkout(alice, session, UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        String orderId = placed.path("id");

        Response asBob = shop.order(bob.token(), orderId);
        Response unknown = shop.order(bob.token(), UUID.randomUUID().toString());
        assertThat(asBob.statusCode()).isEqualTo(404);
        assertThat(asBob.contentType()).startsWith(Shop.PROBLEM_JSON);
        assertThat(asBob.asString()).doesNotContain(alice.subject()).doesNotContain(product);
        // Indistinguishable from an order that does not exist.
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(asBob.<String>path("type")).isEqualTo(unknown.path("type"));
        assertThat(asBob.<String>path("title")).isEqualTo(unknown.path("title"));

        Response cancelByBob = shop.cancel(bob.token(), orderId);
        assertThat(cancelByBob.statusCode()).isEqualTo(404);
        assertThat(shop.as(bob.token()).queryParam("customerId", alice.subject()).get(shop.orders() + "/orders")
                .statusCode()).isEqualTo(403);
        assertThat(shop.ordersOf(bob)).isEmpty();

        // The owner and an admin still see it, untouched.
        assertThat(shop.order(alice.token(), orderId).<String>path("status")).isEqualTo("PENDING");
        assertThat(shop.order(shop.admin(), orderId).statusCode()).isEqualTo(200);
    }
}
