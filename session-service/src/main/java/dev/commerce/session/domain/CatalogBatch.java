package dev.commerce.session.domain;

import java.util.Map;
import java.util.Set;

/**
 * One answer of catalog-service for a set of product ids. {@code available} is false when catalog-service could
 * not answer (down, slow, failing, circuit open); then both collections are empty.
 */
public record CatalogBatch(boolean available, Map<String, ProductSnapshot> found, Set<String> missing) {

    public static CatalogBatch unavailable() {
        return new CatalogBatch(false, Map.of(), Set.of());
    }
}
