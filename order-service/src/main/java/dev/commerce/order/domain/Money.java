package dev.commerce.order.domain;

/** An amount in minor units (cents) of an ISO 4217 currency. */
public record Money(long amount, String currency) {

    public Money {
        if (amount < 0) {
            throw new IllegalArgumentException("Negative amount");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Currency must be an ISO 4217 code");
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(amount, quantity), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amount, other.amount), currency);
    }
}
