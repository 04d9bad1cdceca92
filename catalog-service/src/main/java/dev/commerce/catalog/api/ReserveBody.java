package dev.commerce.catalog.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.commerce.catalog.domain.RequestedLine;

/**
 * The lines of an order to reserve: distinct products, at most {@value #MAX_LINES} (all lines and the
 * reservation go into one DynamoDB transaction, which holds at most 100 items).
 */
public record ReserveBody(@NotNull @Size(min = 1, max = ReserveBody.MAX_LINES) List<@NotNull @Valid Line> lines) {

    static final int MAX_LINES = 50;

    public record Line(
            @NotNull @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String productId,
            @NotNull @Positive @Max(10_000) Integer quantity) {
    }

    @AssertTrue(message = "each product may appear on one line only")
    boolean isDistinct() {
        return lines == null || lines.stream().filter(l -> l != null && l.productId() != null)
                .map(Line::productId).distinct().count() == lines.stream().filter(l -> l != null && l.productId() != null).count();
    }

    List<RequestedLine> toLines() {
        return lines.stream().map(line -> new RequestedLine(line.productId(), line.quantity())).toList();
    }
}
