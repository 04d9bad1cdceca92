package dev.commerce.catalog.domain;

import java.time.Instant;
import java.util.Optional;

/** The descriptive fields an update changes; absent ones stay as they are. Stock and media change elsewhere. */
public record ProductChanges(Optional<String> name, Optional<String> description, Optional<String> category,
        Optional<Money> price, Optional<ProductStatus> status) {

    public static ProductChanges status(ProductStatus status) {
        return new ProductChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(status));
    }

    Product applyTo(Product product, Instant now) {
        return new Product(product.id(), product.sku(), name.orElse(product.name()),
                description.orElse(product.description()), category.orElse(product.category()),
                price.orElse(product.price()), product.stock(), status.orElse(product.status()), product.mediaIds(),
                product.version(), product.createdAt(), now);
    }
}
