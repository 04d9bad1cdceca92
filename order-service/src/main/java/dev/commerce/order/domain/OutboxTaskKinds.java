package dev.commerce.order.domain;

/** The stored name of each kind of outbox task. */
public final class OutboxTaskKinds {

    private OutboxTaskKinds() {
    }

    public static String of(OutboxTask task) {
        return switch (task) {
            case OutboxTask.CommitReservation c -> "COMMIT_RESERVATION";
            case OutboxTask.ReleaseReservation r -> "RELEASE_RESERVATION";
            case OutboxTask.ClearCart c -> "CLEAR_CART";
            case OutboxTask.ReleaseLock l -> "RELEASE_LOCK";
            case OutboxTask.ReportPurchase p -> "REPORT_PURCHASE";
        };
    }
}
