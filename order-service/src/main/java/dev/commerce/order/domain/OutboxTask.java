package dev.commerce.order.domain;

import java.util.List;
import java.util.UUID;

/**
 * A step that must happen after an order's transaction commits, written in that same transaction and carried
 * out (with retries) by the outbox worker. Every step is idempotent downstream, so a repeat is harmless.
 */
public sealed interface OutboxTask {

    UUID orderId();

    /** Turn the catalog reservation into a sale. */
    record CommitReservation(UUID orderId) implements OutboxTask {
    }

    /** Give the reserved (or sold) stock back: compensation of a failed checkout, or a cancellation. */
    record ReleaseReservation(UUID orderId) implements OutboxTask {
    }

    record ClearCart(UUID orderId, String sessionId) implements OutboxTask {
    }

    /** Release the checkout lock on the cart, with the token that proves this checkout holds it. */
    record ReleaseLock(UUID orderId, String name, String token) implements OutboxTask {
    }

    /** Feed the trending leaderboard. */
    record ReportPurchase(UUID orderId, List<Item> items) implements OutboxTask {

        public ReportPurchase {
            items = List.copyOf(items);
        }

        public record Item(String productId, int quantity) {
        }
    }
}
