package dev.commerce.catalog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import dev.commerce.catalog.domain.Money;

/** {"amount": minor units, "currency": "EUR"} */
public record MoneyBody(
        @NotNull @PositiveOrZero @Max(Patterns.AMOUNT_MAX) Long amount,
        @NotNull @Pattern(regexp = Patterns.CURRENCY, message = Patterns.CURRENCY_MESSAGE) String currency) {

    Money toMoney() {
        return new Money(amount, currency);
    }
}
