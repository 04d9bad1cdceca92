package dev.commerce.catalog.domain;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A product item change read from the table's stream: where the product stood before and after (absent for an
 * insert and a removal respectively), and the stream sequence number that orders changes of one product.
 */
public record ProductChange(String productId, BigInteger sequence, Optional<Placement> before, Optional<Placement> after) {

    /** The attributes of a product that decide what it is counted as. */
    public record Placement(String category, ProductStatus status) {

        Optional<String> activeCategory() {
            return status == ProductStatus.ACTIVE ? Optional.of(category) : Optional.empty();
        }
    }

    /** The category the product counts in after the change, if it is ACTIVE. */
    public Optional<String> countedIn() {
        return after.flatMap(Placement::activeCategory);
    }

    /** Whether the change moves the product into, out of, or between category counts. */
    public boolean movesCount() {
        return !before.flatMap(Placement::activeCategory).equals(countedIn());
    }
}
