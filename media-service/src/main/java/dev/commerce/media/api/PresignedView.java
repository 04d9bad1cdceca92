package dev.commerce.media.api;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.commerce.media.domain.PresignedRequest;

/**
 * A request the client makes directly against S3 until {@code expiresAt}: method, URL and the headers it must send
 * exactly (they are part of the signature). {@code uploadId} is set for presigned uploads, to finalize them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PresignedView(UUID uploadId, String method, URI url, Map<String, String> headers, Instant expiresAt) {

    static PresignedView of(UUID uploadId, PresignedRequest request) {
        return new PresignedView(uploadId, request.method(), request.url(), request.headers(), request.expiresAt());
    }
}
