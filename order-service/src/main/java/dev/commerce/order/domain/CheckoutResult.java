package dev.commerce.order.domain;

import io.vertx.core.json.JsonObject;

/** The answer to a checkout: status and body, and whether it replays an earlier request with the same key. */
public record CheckoutResult(int status, JsonObject body, boolean replayed) {

    public String orderId() {
        return body.getString("id");
    }
}
