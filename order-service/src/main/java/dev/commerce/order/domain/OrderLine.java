package dev.commerce.order.domain;

/** One product of an order at the price catalog reserved it for; sku and name are kept for the receipt. */
public record OrderLine(String productId, String sku, String name, int quantity, Money unitPrice) {

    public Money total() {
        return unitPrice.times(quantity);
    }
}
