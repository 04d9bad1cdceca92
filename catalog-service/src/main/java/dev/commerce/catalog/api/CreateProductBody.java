package dev.commerce.catalog.api;

import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.commerce.catalog.domain.ProductDraft;
import dev.commerce.catalog.domain.ProductStatus;

/** A new product; {@code id} is generated when absent, {@code status} defaults to DRAFT, {@code stock} to 0. */
public record CreateProductBody(
        @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
        @NotNull @Pattern(regexp = Patterns.SKU, message = Patterns.SKU_MESSAGE) String sku,
        @NotNull @Size(max = Patterns.NAME_MAX) @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE) String name,
        @Size(max = Patterns.DESCRIPTION_MAX) String description,
        @NotNull @Pattern(regexp = Patterns.CATEGORY, message = Patterns.CATEGORY_MESSAGE) String category,
        @NotNull @Valid MoneyBody price,
        @PositiveOrZero @Max(Patterns.STOCK_MAX) Long stock,
        ProductStatus status) {

    @AssertTrue(message = "a new product is DRAFT or ACTIVE")
    boolean isStatus() {
        return status != ProductStatus.ARCHIVED;
    }

    ProductDraft toDraft() {
        return new ProductDraft(Optional.ofNullable(id), sku, name, description == null ? "" : description, category,
                price.toMoney(), stock == null ? 0 : stock, status == null ? ProductStatus.DRAFT : status);
    }
}
