package dev.commerce.session.domain;

/** What a cart shows of a catalog product; a copy that may lag catalog-service by up to the cache TTL. */
public record ProductSnapshot(String id, String sku, String name, String category, Money price, long stock,
        String status, long version) {

    public static final String ACTIVE = "ACTIVE";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
