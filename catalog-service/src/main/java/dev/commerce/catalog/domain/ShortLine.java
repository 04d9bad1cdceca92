package dev.commerce.catalog.domain;

/** A line that cannot be reserved: what was asked and what is on hand. */
public record ShortLine(String productId, int requested, long available) {
}
