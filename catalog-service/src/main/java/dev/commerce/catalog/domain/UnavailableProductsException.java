package dev.commerce.catalog.domain;

import java.util.List;

/** Answered with 422 {@code urn:problem:unavailable-products}: unknown products, or ones that are not ACTIVE. */
public class UnavailableProductsException extends RuntimeException {

    private final List<String> productIds;

    public UnavailableProductsException(List<String> productIds) {
        super("Products that do not exist or cannot be bought: " + String.join(", ", productIds), null, false, false);
        this.productIds = List.copyOf(productIds);
    }

    public List<String> productIds() {
        return productIds;
    }
}
