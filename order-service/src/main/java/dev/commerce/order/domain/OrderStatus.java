package dev.commerce.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an order: PENDING → PAID → SHIPPED → DELIVERED, and CANCELLED from PENDING or PAID (goods that
 * left the warehouse are returned, not cancelled). Cancelling gives the reserved or sold stock back.
 */
public enum OrderStatus {
    PENDING, PAID, SHIPPED, DELIVERED, CANCELLED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canBecome(OrderStatus target) {
        return next().contains(target);
    }

    public boolean isCancellable() {
        return canBecome(CANCELLED);
    }
}
