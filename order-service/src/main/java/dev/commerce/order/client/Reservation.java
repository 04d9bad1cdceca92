package dev.commerce.order.client;

import java.util.List;

import dev.commerce.order.domain.Money;

/** What catalog-service answered to a reservation request. */
public sealed interface Reservation {

    /** Stock is held for the order at these prices (status RESERVED or COMMITTED). */
    record Held(List<Line> lines) implements Reservation {
    }

    /** The reservation exists but was released (expired or compensated); it cannot become an order. */
    record Released() implements Reservation {
    }

    /** Not enough stock for some lines; nothing was reserved. */
    record ShortStock(List<ShortLine> shortLines) implements Reservation {
    }

    /** Unknown or inactive products; nothing was reserved. */
    record UnavailableProducts(List<String> productIds) implements Reservation {
    }

    record Line(String productId, int quantity, Money unitPrice) {
    }

    record ShortLine(String productId, long requested, long available) {
    }
}
