package dev.commerce.media.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.commerce.common.api.ProblemException;
import dev.commerce.media.config.MediaConfig;

/**
 * The server's body limit is sized for media, far above what a JSON request needs. JSON bodies are parsed in memory,
 * so they get their own small limit, checked on the declared length before anything is read.
 */
public class JsonBodyLimit {

    private final MediaConfig config;

    public JsonBodyLimit(MediaConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public void limitJson(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return;
        }
        long max = config.maxJsonBody().asLongValue();
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            if (request.getHeaderString("Transfer-Encoding") != null) {
                throw new ProblemException(411, "length-required", "Length required",
                        "Send JSON bodies with a Content-Length");
            }
            return;
        }
        if (MediaResource.length(declared).orElse(0) > max) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "JSON bodies are limited to " + max + " bytes");
        }
    }
}
