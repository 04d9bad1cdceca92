package dev.commerce.catalog.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Stock to add (positive) or remove (negative); the result may not go below zero. */
public record StockAdjustmentBody(@NotNull @Min(-Patterns.STOCK_MAX) @Max(Patterns.STOCK_MAX) Long delta) {

    @AssertTrue(message = "delta must not be 0")
    boolean isDelta() {
        return delta == null || delta != 0;
    }
}
