package dev.commerce.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.commerce.system.Shop.Customer;
import dev.commerce.system.Shop.Session;
import io.restassured.response.Response;

/** Concurrency across services: the same checkout sent ten times at once, and two customers after one unit. */
@ExtendWith(SystemUnderTest.class)
class ConcurrentCheckoutIT {

    private static final Set<String> BUSY = Set.of("idempotency-key-in-use", "checkout-in-progress");

    @Test
    void tenIdenticalCheckoutsMakeOneOrder(Shop shop) throws Exception {
        String product = shop.createProduct(Shop.newCategory(), "Headphones", 8_900, 20);
        Customer carol = shop.newCustomer("carol");
        Session session = shop.openSession(carol);
        shop.fillCart(carol, session, Map.of(product, 3));
        String key = UUID.randomUUID().toString();

        List<Response> answers = all(10, () -> shop.checkout(carol, session, key));

        Set<String> orderIds = new java.util.HashSet<>();
        int created = 0;
        for (Response answer : answers) {
            if (answer.statusCode() == 201) {
                created++;
                orderIds.add(answer.path("id"));
            } else {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
                assertThat(answer.contentType()).startsWith(Shop.PROBLEM_JSON);
                assertThat(BUSY).as(answer.asString()).anyMatch(slug -> answer.<String>path("type").endsWith(slug));
            }
        }
        assertThat(created).isPositive();
        assertThat(orderIds).hasSize(1);
        String orderId = orderIds.iterator().next();

        // Exactly one order, one reservation's worth of stock, and the key keeps answering with that order.
        assertThat(shop.ordersOf(carol)).extracting(order -> order.get("id")).containsExactly(orderId);
        assertThat(shop.stock(product)).isEqualTo(17);
        Shop.eventually().untilAsserted(() -> assertThat(shop.reservationStatus(orderId)).isEqualTo("COMMITTED"));
        Response replay = shop.checkout(carol, session, key);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.<String>path("id")).isEqualTo(orderId);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(shop.stock(product)).isEqualTo(17);
    }

    @Test
    void twoCustomersRaceForTheLastUnit(Shop shop) throws Exception {
        String product = shop.createProduct(Shop.newCategory(), "Signed first edition", 15_000, 1);
        Customer dave = shop.newCustomer("dave");
        Customer erin = shop.newCustomer("erin");
        Session daveSession = shop.openSession(dave);
        Session erinSession = shop.openSession(erin);
        shop.fillCart(dave, daveSession, Map.of(product, 1));
        shop.fillCart(erin, erinSession, Map.of(product, 1));

        List<Response> answers = all(2,
                () -> shop.checkout(dave, daveSession, UUID.randomUUID().toString()),
                () -> shop.checkout(erin, erinSession, UUID.randomUUID().toString()));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        Response winner = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        Response loser = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.contentType()).startsWith(Shop.PROBLEM_JSON);
        assertThat(loser.<String>path("type")).endsWith("insufficient-stock");
        assertThat(loser.<Integer>path("status")).isEqualTo(409);
        assertThat(loser.<String>path("shortLines[0].productId")).isEqualTo(product);
        assertThat(loser.<Integer>path("shortLines[0].requested")).isEqualTo(1);
        assertThat(loser.<Integer>path("shortLines[0].available")).isZero();

        String orderId = winner.path("id");
        Customer winnerCustomer = answers.get(0) == winner ? dave : erin;
        Customer loserCustomer = winnerCustomer == dave ? erin : dave;
        Session loserSession = loserCustomer == dave ? daveSession : erinSession;
        assertThat(shop.ordersOf(winnerCustomer)).extracting(order -> order.get("id")).containsExactly(orderId);
        assertThat(shop.ordersOf(loserCustomer)).isEmpty();

        Shop.eventually().untilAsserted(() -> assertThat(shop.reservationStatus(orderId)).isEqualTo("COMMITTED"));
        assertThat(shop.stock(product)).isZero();
        // The loser's cart is left as it was, free to change again.
        assertThat(shop.cartLines(loserCustomer, loserSession)).hasSize(1);
        Response retried = shop.checkout(loserCustomer, loserSession, UUID.randomUUID().toString());
        assertThat(retried.statusCode()).isEqualTo(409);
        assertThat(shop.stock(product)).isZero();
    }

    /** Runs the calls at the same moment (as far as threads allow) and returns their answers in order. */
    @SafeVarargs
    private static List<Response> all(int count, Callable<Response>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<Response> call = calls[i % calls.length];
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
