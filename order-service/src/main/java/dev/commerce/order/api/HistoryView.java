package dev.commerce.order.api;

import java.util.List;

import dev.commerce.order.domain.StatusChange;

/** An order's status history, oldest first. */
public record HistoryView(String orderId, List<Entry> items) {

    public record Entry(int version, String from, String to, String actor, String reason, String changedAt) {
    }

    static HistoryView of(String orderId, List<StatusChange> changes) {
        return new HistoryView(orderId, changes.stream()
                .map(change -> new Entry(change.version(), change.from() == null ? null : change.from().name(), change.to().name(),
                        change.actor(), change.reason(), change.changedAt().toString()))
                .toList());
    }
}
