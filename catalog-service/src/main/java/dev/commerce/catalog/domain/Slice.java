package dev.commerce.catalog.domain;

import java.util.List;
import java.util.Optional;

/** One page read from the store and the position to continue from, absent on the last page. */
public record Slice<T>(List<T> items, Optional<String> continueAfter) {
}
