package dev.commerce.common.api;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A declared Content-Length over {@code quarkus.http.limits.max-body-size} is answered with a 413 problem. The HTTP
 * layer's own check (route order -2) would answer the same status with an empty body; this one runs just before it.
 * Nothing is read: the connection is closed once the answer is sent, as the client may still be sending. Bodies
 * without a Content-Length are still counted, and cut off, by the HTTP layer.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final int BEFORE_SERVER_LIMIT = -3;

    void install(@Observes Router router, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        String detail = "Request bodies are limited to " + max + " bytes";
        router.route().order(BEFORE_SERVER_LIMIT).handler(context -> {
            if (declaredLength(context) > max) {
                refuse(context, json, detail);
            } else {
                context.next();
            }
        });
    }

    private static long declaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException invalid) {
            // Not a length: left to the HTTP layer, which refuses it.
            return -1;
        }
    }

    private static void refuse(RoutingContext context, ObjectMapper json, String detail) {
        String body;
        try {
            body = json.writeValueAsString(new Problem(Problem.type("payload-too-large"), "Payload too large", 413,
                    detail, context.request().path(), List.of()));
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close())
                .end(body);
    }
}
