package dev.commerce.order;

import dev.commerce.order.client.CatalogClient;
import dev.commerce.order.client.SessionClient;
import dev.commerce.order.domain.Money;
import dev.commerce.order.domain.OrderView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes outside the REST endpoints' own signatures, kept for reflection in a native
 * executable: request bodies of the REST clients, and the stored checkout response (JsonObject.mapFrom of an
 * OrderView, whose money is a Money).
 */
@RegisterForReflection(targets = {
        CatalogClient.ReserveRequest.class, CatalogClient.Line.class,
        SessionClient.LockRequest.class, SessionClient.RateLimitRequest.class,
        SessionClient.PurchaseReport.class, SessionClient.Item.class,
        OrderView.class, OrderView.LineView.class, Money.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
