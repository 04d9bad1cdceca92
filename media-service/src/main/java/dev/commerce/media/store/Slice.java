package dev.commerce.media.store;

import java.util.List;
import java.util.Optional;

/** Part of a keyset-ordered listing; {@code next} is the position to continue after, absent on the last slice. */
public record Slice<T>(List<T> items, Optional<String> next) {
}
