package dev.commerce.catalog.store;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Measures every call of the Quarkus-managed DynamoDB clients (registered through quarkus.dynamodb.interceptors):
 * asks for {@code ReturnConsumedCapacity=TOTAL} on each item operation and counts the capacity units consumed
 * per operation, conditional-check failures per operation, and transaction conflicts. The SDK creates this
 * class itself, so it reports to Micrometer's global registry, which Quarkus backs with its own.
 */
@RegisterForReflection
public class DynamoDbMetricsInterceptor implements ExecutionInterceptor {

    static final String CONSUMED_CAPACITY = "catalog.dynamodb.consumed.capacity";
    static final String CONDITIONAL_CHECK_FAILURES = "catalog.dynamodb.conditional.check.failures";
    static final String TRANSACTION_CONFLICTS = "catalog.dynamodb.transaction.conflicts";

    private static final ReturnConsumedCapacity TOTAL = ReturnConsumedCapacity.TOTAL;

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return switch (context.request()) {
            case GetItemRequest r when r.returnConsumedCapacity() == null -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case PutItemRequest r when r.returnConsumedCapacity() == null -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case UpdateItemRequest r when r.returnConsumedCapacity() == null -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case DeleteItemRequest r when r.returnConsumedCapacity() == null -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case QueryRequest r when r.returnConsumedCapacity() == null -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case BatchGetItemRequest r when r.returnConsumedCapacity() == null -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case TransactWriteItemsRequest r when r.returnConsumedCapacity() == null -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        List<ConsumedCapacity> consumed = consumed(context.response());
        double units = consumed.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        if (!consumed.isEmpty()) {
            Counter.builder(CONSUMED_CAPACITY).description("DynamoDB capacity units consumed")
                    .baseUnit("capacity_units")
                    .tag("operation", operation(attributes))
                    .register(Metrics.globalRegistry).increment(units);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (failure instanceof ConditionalCheckFailedException) {
            conditionalCheckFailed(operation(attributes), 1);
        } else if (failure instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
            List<String> codes = cancelled.cancellationReasons().stream().map(CancellationReason::code).toList();
            conditionalCheckFailed(operation(attributes), codes.stream().filter(Transactions.CONDITION_FAILED::equals).count());
            if (codes.contains("TransactionConflict")) {
                conflict(operation(attributes));
            }
        } else if (failure instanceof TransactionConflictException) {
            conflict(operation(attributes));
        }
    }

    private static void conditionalCheckFailed(String operation, long count) {
        if (count > 0) {
            Counter.builder(CONDITIONAL_CHECK_FAILURES).description("Writes refused because their condition did not hold")
                    .tag("operation", operation).register(Metrics.globalRegistry).increment(count);
        }
    }

    private static void conflict(String operation) {
        Counter.builder(TRANSACTION_CONFLICTS).description("Writes cancelled by a conflicting transaction")
                .tag("operation", operation).register(Metrics.globalRegistry).increment();
    }

    private static List<ConsumedCapacity> consumed(SdkResponse response) {
        return switch (response) {
            case GetItemResponse r when r.consumedCapacity() != null -> List.of(r.consumedCapacity());
            case PutItemResponse r when r.consumedCapacity() != null -> List.of(r.consumedCapacity());
            case UpdateItemResponse r when r.consumedCapacity() != null -> List.of(r.consumedCapacity());
            case DeleteItemResponse r when r.consumedCapacity() != null -> List.of(r.consumedCapacity());
            case QueryResponse r when r.consumedCapacity() != null -> List.of(r.consumedCapacity());
            case BatchGetItemResponse r when r.hasConsumedCapacity() -> r.consumedCapacity();
            case TransactWriteItemsResponse r when r.hasConsumedCapacity() -> r.consumedCapacity();
            default -> List.of();
        };
    }

    private static String operation(ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return operation == null ? "unknown" : operation;
    }
}
