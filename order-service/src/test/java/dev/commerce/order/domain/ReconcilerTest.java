package dev.commerce.order.domain;

import static dev.commerce.order.support.Checkouts.checkout;
import static dev.commerce.order.support.Checkouts.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.order.client.CatalogClient;
import dev.commerce.order.client.CatalogGateway;
import dev.commerce.order.store.Databases;
import dev.commerce.order.store.IdempotencyStore;
import dev.commerce.order.store.IdempotencyStore.Claim;
import dev.commerce.order.store.OrderStore;
import dev.commerce.order.support.FakeDependencies;
import dev.commerce.order.support.FakeDependenciesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Checkouts that stopped mid-way (lease ran out) are completed when the order exists, compensated when not. */
@QuarkusTest
@QuarkusTestResource(FakeDependenciesResource.class)
class ReconcilerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final FakeDependencies deps = FakeDependencies.get();

    @Inject
    Reconciler reconciler;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    CatalogGateway catalog;

    @Inject
    OrderStore orders;

    @Inject
    Databases databases;

    @Inject
    Pool pool;

    @Test
    void aCheckoutThatDiedAfterReservingIsCompensatedAndItsKeyFreed() {
        String item = product(deps, 10, 100);
        String session = deps.cart("uma", Map.of(item, 4));
        String key = UUID.randomUUID().toString();
        UUID orderId = begin("uma", key, session);
        catalog.reserve(orderId, List.of(new CatalogClient.Line(item, 4))).await().atMost(WAIT);
        assertThat(deps.stock(item)).isEqualTo(6);

        assertThat(reconciler.reconcile().await().atMost(WAIT)).isGreaterThanOrEqualTo(1);

        assertThat(deps.stock(item)).isEqualTo(10);
        assertThat(deps.reservationStatus(orderId.toString())).isEqualTo("RELEASED");
        checkout("uma", key, session).then().statusCode(201);
    }

    @Test
    void aCheckoutThatDiedAfterCommittingGetsItsResponseRecorded() {
        String item = product(deps, 10, 100);
        String session = deps.cart("vic", Map.of(item, 1));
        String key = UUID.randomUUID().toString();
        UUID orderId = begin("vic", key, session);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Order order = Order.place(orderId, "vic", session, List.of(new OrderLine(item, null, null, 1, new Money(100, "EUR"))), now);
        databases.inTransaction(tx -> orders.insert(tx, order, "vic")).await().atMost(WAIT);

        reconciler.reconcile().await().atMost(WAIT);

        checkout("vic", key, session).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(orderId.toString()));
        String state = pool.preparedQuery("select state from idempotency_records where customer_id = $1 and idempotency_key = $2")
                .execute(Tuple.of("vic", key)).await().atMost(WAIT).iterator().next().getString(0);
        assertThat(state).isEqualTo("COMPLETED");
    }

    /** Starts a checkout whose lease has already run out, as if its instance had died. */
    private UUID begin(String customer, String key, String session) {
        Claim claim = idempotency.begin(customer, key, Checkout.sha256(session), Duration.ZERO, Duration.ofHours(1))
                .await().atMost(WAIT);
        assertThat(claim).isInstanceOf(Claim.Started.class);
        return ((Claim.Started) claim).orderId();
    }
}
