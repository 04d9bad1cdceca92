package dev.commerce.order.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.order.domain.OutboxEntry;
import dev.commerce.order.support.FakeDependenciesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Two workers claiming at the same time never get the same outbox row, and only the claim holder settles it. */
@QuarkusTest
@QuarkusTestResource(FakeDependenciesResource.class)
class OutboxClaimTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    OutboxStore outbox;

    @Inject
    Pool pool;

    @Test
    void concurrentClaimsAreDisjointAndCoverEveryRow() {
        // Due only in the far future, so the application's own worker leaves them alone.
        Instant future = Instant.now().plus(Duration.ofDays(3650));
        UUID orderId = UUID.randomUUID();
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(Tuple.of(orderId, "CLEAR_CART", new io.vertx.core.json.JsonObject().put("sessionId", "s" + i),
                    OrderStore.utc(future), OrderStore.utc(Instant.now())));
        }
        pool.preparedQuery("insert into outbox (order_id, kind, payload, next_attempt_at, created_at) values ($1, $2, $3, $4, $5)")
                .executeBatch(rows).await().atMost(WAIT);

        Instant asOf = future.plusSeconds(1);
        CompletableFuture<List<OutboxEntry>> first = outbox.claimDue(asOf, 25, Duration.ofMinutes(1)).subscribeAsCompletionStage();
        CompletableFuture<List<OutboxEntry>> second = outbox.claimDue(asOf, 25, Duration.ofMinutes(1)).subscribeAsCompletionStage();
        List<OutboxEntry> a = mine(first.join(), orderId);
        List<OutboxEntry> b = mine(second.join(), orderId);

        Set<Long> idsA = ids(a);
        Set<Long> idsB = ids(b);
        assertThat(idsA).doesNotContainAnyElementsOf(idsB);
        Set<Long> all = new HashSet<>(idsA);
        all.addAll(idsB);
        assertThat(all).hasSize(40);
        assertThat(outbox.claimDue(asOf, 100, Duration.ofMinutes(1)).await().atMost(WAIT))
                .noneMatch(entry -> entry.task().orderId().equals(orderId));

        OutboxEntry entry = a.getFirst();
        OutboxEntry stolen = new OutboxEntry(entry.id(), entry.task(), entry.attempts(), UUID.randomUUID(), entry.createdAt());
        assertThat(outbox.markDone(stolen).await().atMost(WAIT)).isFalse();
        assertThat(outbox.markDone(entry).await().atMost(WAIT)).isTrue();
        assertThat(outbox.markDone(entry).await().atMost(WAIT)).isFalse();

        pool.preparedQuery("delete from outbox where order_id = $1").execute(Tuple.of(orderId)).await().atMost(WAIT);
    }

    private static List<OutboxEntry> mine(List<OutboxEntry> claimed, UUID orderId) {
        return claimed.stream().filter(entry -> entry.task().orderId().equals(orderId)).toList();
    }

    private static Set<Long> ids(List<OutboxEntry> entries) {
        Set<Long> ids = new HashSet<>();
        entries.forEach(entry -> ids.add(entry.id()));
        return ids;
    }
}
