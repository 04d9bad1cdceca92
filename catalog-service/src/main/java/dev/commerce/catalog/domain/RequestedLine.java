package dev.commerce.catalog.domain;

/** A product and quantity an order asks to reserve. */
public record RequestedLine(String productId, int quantity) {
}
