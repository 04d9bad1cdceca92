package dev.commerce.catalog.store;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/** Reading why DynamoDB cancelled a transaction: which item's condition failed, and whether trying again can help. */
final class Transactions {

    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final List<String> TRANSIENT = List.of("TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

    private Transactions() {
    }

    static boolean conditionFailed(TransactionCanceledException e, int index) {
        return CONDITION_FAILED.equals(code(e, index));
    }

    static boolean anyConditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().anyMatch(r -> CONDITION_FAILED.equals(r.code()));
    }

    /** A conflict with another transaction or a throttle: the same request may succeed a moment later. */
    static boolean isTransient(Throwable e) {
        if (e instanceof TransactionConflictException) {
            return true;
        }
        return e instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()
                && cancelled.cancellationReasons().stream().map(CancellationReason::code).anyMatch(TRANSIENT::contains);
    }

    private static String code(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons() && index < e.cancellationReasons().size()
                ? e.cancellationReasons().get(index).code()
                : null;
    }
}
