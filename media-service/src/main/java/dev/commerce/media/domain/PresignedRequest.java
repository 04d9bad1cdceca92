package dev.commerce.media.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** An HTTP request a client may make directly against the store until {@code expiresAt}, headers included. */
public record PresignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt) {
}
