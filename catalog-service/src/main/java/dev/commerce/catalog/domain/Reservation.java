package dev.commerce.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Stock held for one order (its id is the order id); {@code expiresAt} is when an uncommitted hold lapses. */
public record Reservation(String orderId, ReservationStatus status, List<ReservedLine> lines, Instant expiresAt) {

    public Reservation {
        lines = List.copyOf(lines);
    }

    /** Whether a reserve request asks for exactly what this reservation holds (a replay). */
    public boolean holds(List<RequestedLine> requested) {
        Map<String, Integer> mine = lines.stream().collect(Collectors.toMap(ReservedLine::productId, ReservedLine::quantity));
        Map<String, Integer> theirs = requested.stream().collect(Collectors.toMap(RequestedLine::productId, RequestedLine::quantity));
        return mine.equals(theirs);
    }
}
