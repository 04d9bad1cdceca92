package dev.commerce.catalog.domain;

import java.util.List;

/** Products found, in the order asked, and the ids that were not. */
public record BatchResult(List<Product> items, List<String> missing) {
}
