package dev.commerce.media.api;

import java.time.Instant;
import java.util.UUID;

import dev.commerce.media.domain.UploadInfo;

/** A multipart upload in progress, with the part sizes it accepts. */
public record UploadView(UUID uploadId, Instant initiatedAt, long minPartSize, long maxPartSize, int maxParts) {

    static UploadView of(UploadInfo upload, long minPartSize, long maxPartSize, int maxParts) {
        return new UploadView(upload.uploadId(), upload.initiatedAt(), minPartSize, maxPartSize, maxParts);
    }
}
