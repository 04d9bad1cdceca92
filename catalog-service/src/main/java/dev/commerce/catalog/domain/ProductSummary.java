package dev.commerce.catalog.domain;

import java.util.List;

/**
 * What a category listing shows: the attributes projected into the listing index. Stock and version are left
 * out on purpose, so the writes of every reservation never touch the index.
 */
public record ProductSummary(String id, String sku, String name, String category, Money price, ProductStatus status,
        List<String> mediaIds) {

    public ProductSummary {
        mediaIds = List.copyOf(mediaIds);
    }
}
