package dev.commerce.catalog.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Up to 100 product ids (one BatchGetItem). */
public record BatchGetBody(
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String> ids) {
}
