package dev.commerce.order.client;

import jakarta.ws.rs.core.Response;

import io.vertx.core.json.JsonObject;

/** Reading dependency answers: bodies as JSON, and 5xx turned into {@link DependencyUnavailableException}. */
final class Responses {

    private Responses() {
    }

    static JsonObject json(Response response) {
        if (!response.hasEntity()) {
            return new JsonObject();
        }
        String body = response.readEntity(String.class);
        try {
            return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }

    /** Throws for a server error; otherwise returns the status for the caller to interpret. */
    static int status(String service, Response response) {
        int status = response.getStatus();
        if (status >= 500 || status == 429) {
            throw new DependencyUnavailableException(service, service + " answered " + status);
        }
        return status;
    }

    static DependencyRejectedException unexpected(String service, String call, Response response) {
        return new DependencyRejectedException(service + " refused " + call + " with " + response.getStatus());
    }
}
