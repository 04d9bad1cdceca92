package dev.commerce.session.domain;

/** An amount in minor units (cents) of an ISO 4217 currency. */
public record Money(long amount, String currency) {

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
