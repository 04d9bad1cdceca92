package dev.commerce.catalog.domain;

import java.util.Optional;

/** What an admin submits to create a product; the id is generated when not given. */
public record ProductDraft(Optional<String> id, String sku, String name, String description, String category, Money price,
        long stock, ProductStatus status) {
}
