package dev.commerce.media.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A multipart upload in progress.
 *
 * @param storeRef the store's own handle for it (S3's upload id); callers pass it back untouched
 */
public record UploadInfo(UUID uploadId, String ownerKey, Instant initiatedAt, String storeRef) {
}
