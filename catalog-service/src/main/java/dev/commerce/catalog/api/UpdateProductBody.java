package dev.commerce.catalog.api;

import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.commerce.catalog.domain.ProductChanges;
import dev.commerce.catalog.domain.ProductStatus;

/** The descriptive fields to change; omitted fields stay as they are. SKU, stock and media change elsewhere. */
public record UpdateProductBody(
        @Size(max = Patterns.NAME_MAX) @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE) String name,
        @Size(max = Patterns.DESCRIPTION_MAX) String description,
        @Pattern(regexp = Patterns.CATEGORY, message = Patterns.CATEGORY_MESSAGE) String category,
        @Valid MoneyBody price,
        ProductStatus status) {

    ProductChanges toChanges() {
        return new ProductChanges(Optional.ofNullable(name), Optional.ofNullable(description), Optional.ofNullable(category),
                Optional.ofNullable(price).map(MoneyBody::toMoney), Optional.ofNullable(status));
    }
}
