package dev.commerce.order.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.commerce.order.domain.OrderStatus;

/** An admin's status change: the target status and an optional reason kept in the history. */
public record StatusChangeBody(@NotNull OrderStatus status, @Size(max = 500) String reason) {
}
