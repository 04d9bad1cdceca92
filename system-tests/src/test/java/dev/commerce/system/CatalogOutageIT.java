package dev.commerce.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.commerce.localstack.RunningSystem;
import dev.commerce.system.Shop.Customer;
import dev.commerce.system.Shop.Session;
import io.restassured.response.Response;

/**
 * catalog-service goes down in the middle of things and comes back: a checkout during the outage is refused
 * cleanly (503, nothing reserved, nothing recorded), a cancellation during the outage is accepted and its
 * restock waits in the outbox, and once catalog is back every step completes: no order lost, no stock stranded.
 */
@ExtendWith(SystemUnderTest.class)
class CatalogOutageIT {

    private static final String CATALOG = "catalog-service";

    @Test
    void outageDelaysStepsButLosesNothing(Shop shop, RunningSystem system) {
        String category = Shop.newCategory();
        String tent = shop.createProduct(category, "Tent", 19_900, 10);
        String stove = shop.createProduct(category, "Camping stove", 4_900, 6);

        Customer gina = shop.newCustomer("gina");
        Session ginaSession = shop.openSession(gina);
        shop.fillCart(gina, ginaSession, Map.of(tent, 2));
        Response placed = shop.checkout(gina, ginaSession, UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.asString()).isEqualTo(201);
        String placedId = placed.path("id");
        Shop.eventually().untilAsserted(() -> assertThat(shop.reservationStatus(placedId)).isEqualTo("COMMITTED"));
        assertThat(shop.stock(tent)).isEqualTo(8);

        Customer hank = shop.newCustomer("hank");
        Session hankSession = shop.openSession(hank);
        shop.fillCart(hank, hankSession, Map.of(stove, 2));
        String hankKey = UUID.randomUUID().toString();

        system.stopService(CATALOG);
        try {
            // Checkout needs a reservation: refused cleanly, nothing recorded.
            Response refused = shop.checkout(hank, hankSession, hankKey);
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith(Shop.PROBLEM_JSON);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(shop.ordersOf(hank)).isEmpty();

            // Cancelling needs catalog only afterwards: accepted now, the restock waits in the outbox.
            Response cancelled = shop.cancel(gina.token(), placedId);
            assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
            assertThat(cancelled.<String>path("status")).isEqualTo("CANCELLED");
        } finally {
            system.startService(CATALOG);
        }

        // The outbox delivers the release once catalog is back: the stock returns, exactly once.
        Shop.eventually().untilAsserted(() -> assertThat(shop.reservationStatus(placedId)).isEqualTo("RELEASED"));
        assertThat(shop.stock(tent)).isEqualTo(10);
        assertThat(shop.order(gina.token(), placedId).<String>path("status")).isEqualTo("CANCELLED");

        // The refused checkout stranded nothing, and the same request goes through now, taking stock once.
        assertThat(shop.stock(stove)).isEqualTo(6);
        assertThat(shop.cartLines(hank, hankSession)).hasSize(1);
        // Polled slowly: every attempt that gets past the rate limiter counts against the customer's checkouts.
        Response retried = Shop.eventually().pollInterval(Duration.ofSeconds(3))
                .until(() -> shop.checkout(hank, hankSession, hankKey), response -> response.statusCode() != 503);
        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(201);
        String retriedId = retried.path("id");
        Shop.eventually().untilAsserted(() -> {
            assertThat(shop.reservationStatus(retriedId)).isEqualTo("COMMITTED");
            assertThat(shop.cartLines(hank, hankSession)).isEmpty();
        });
        assertThat(shop.stock(stove)).isEqualTo(4);
        assertThat(shop.ordersOf(hank)).extracting(order -> order.get("id")).containsExactly(retriedId);
        assertThat(shop.ordersOf(gina)).extracting(order -> order.get("status")).containsExactly("CANCELLED");
    }
}
