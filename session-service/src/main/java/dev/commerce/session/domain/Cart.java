package dev.commerce.session.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.commerce.session.store.CartStore;

/** The lines of a session's cart, ordered by product id, and the cart's version (it grows with every change). */
public record Cart(String sessionId, String subject, List<Line> lines, long version) {

    public record Line(String productId, int quantity) {
    }

    /** From the raw Redis hash: product id to quantity, plus the version field. */
    public static Cart fromHash(String sessionId, String subject, Map<String, String> hash) {
        List<Line> lines = hash.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(CartStore.VERSION_FIELD))
                .map(entry -> new Line(entry.getKey(), Integer.parseInt(entry.getValue())))
                .sorted(Comparator.comparing(Line::productId))
                .toList();
        long version = Long.parseLong(hash.getOrDefault(CartStore.VERSION_FIELD, "0"));
        return new Cart(sessionId, subject, lines, version);
    }

    public List<String> productIds() {
        return lines.stream().map(Line::productId).toList();
    }
}
