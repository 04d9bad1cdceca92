package dev.commerce.order.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The checkout request: which of the customer's sessions holds the cart to order. */
public record PlaceOrderBody(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, '-' or '_'") String sessionId) {
}
