package dev.commerce.order.domain;

import java.time.Instant;

/** One entry of an order's history: the version it produced, from/to status (from is null at creation), who and why. */
public record StatusChange(int version, OrderStatus from, OrderStatus to, String actor, String reason, Instant changedAt) {
}
