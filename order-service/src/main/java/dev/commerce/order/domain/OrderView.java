package dev.commerce.order.domain;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An order as the API shows it (and as a replayed checkout returns it); times are ISO-8601 UTC. */
@RegisterForReflection
public record OrderView(String id, String customerId, String status, List<LineView> lines, Money total, int version,
        String createdAt, String updatedAt) {

    @RegisterForReflection
    public record LineView(String productId, int quantity, Money unitPrice, Money lineTotal) {
    }

    public static OrderView of(Order order) {
        return new OrderView(order.id().toString(), order.customerId(), order.status().name(),
                order.lines().stream().map(line -> new LineView(line.productId(), line.quantity(), line.unitPrice(), line.total())).toList(),
                order.total(), order.version(), order.createdAt().toString(), order.updatedAt().toString());
    }
}
