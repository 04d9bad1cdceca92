package dev.commerce.catalog.domain;

/** One product of a reservation, with the price in effect when its stock was taken. */
public record ReservedLine(String productId, int quantity, Money unitPrice) {
}
