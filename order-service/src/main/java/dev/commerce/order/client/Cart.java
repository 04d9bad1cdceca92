package dev.commerce.order.client;

import java.util.List;

/** A session's cart as session-service keeps it; {@code subject} is the customer the session belongs to. */
public record Cart(String sessionId, String subject, List<Line> lines) {

    public Cart {
        lines = List.copyOf(lines);
    }

    public record Line(String productId, int quantity) {
    }
}
