package dev.commerce.catalog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The stock to set. */
public record StockBody(@NotNull @PositiveOrZero @Max(Patterns.STOCK_MAX) Long stock) {
}
