package dev.commerce.catalog.domain;

import java.util.List;

/** Answered with 409 {@code urn:problem:insufficient-stock} listing the short lines; nothing was taken. */
public class InsufficientStockException extends RuntimeException {

    private final List<ShortLine> shortLines;

    public InsufficientStockException(List<ShortLine> shortLines) {
        super("Not enough stock for " + shortLines.size() + " line(s)", null, false, false);
        this.shortLines = List.copyOf(shortLines);
    }

    public List<ShortLine> shortLines() {
        return shortLines;
    }
}
