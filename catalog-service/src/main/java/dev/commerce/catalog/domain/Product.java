package dev.commerce.catalog.domain;

import java.time.Instant;
import java.util.List;

/** A product as stored and served; {@code version} grows with every change and is the ETag. */
public record Product(String id, String sku, String name, String description, String category, Money price,
        long stock, ProductStatus status, List<String> mediaIds, long version, Instant createdAt, Instant updatedAt) {

    public Product {
        mediaIds = List.copyOf(mediaIds);
    }

    public boolean purchasable() {
        return status == ProductStatus.ACTIVE;
    }
}
