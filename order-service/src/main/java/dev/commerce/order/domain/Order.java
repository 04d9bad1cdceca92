package dev.commerce.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as stored: the lines, their total, and a version that grows with every status change. */
public record Order(UUID id, String customerId, String sessionId, OrderStatus status, List<OrderLine> lines, Money total,
        int version, Instant createdAt, Instant updatedAt) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** A new PENDING order (version 1) for the reserved lines; all lines share one currency. */
    public static Order place(UUID id, String customerId, String sessionId, List<OrderLine> lines, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        Money total = Money.zero(lines.getFirst().unitPrice().currency());
        for (OrderLine line : lines) {
            total = total.plus(line.total());
        }
        return new Order(id, customerId, sessionId, OrderStatus.PENDING, lines, total, 1, now, now);
    }

    public boolean isOwnedBy(String subject) {
        return customerId.equals(subject);
    }

    public Order withStatus(OrderStatus next, Instant now) {
        return new Order(id, customerId, sessionId, next, lines, total, version + 1, createdAt, now);
    }
}
