package dev.commerce.media.domain;

import java.time.Instant;
import java.util.UUID;

/** The checked metadata of content about to become the current version of media item {@code id}. */
public record NewVersion(UUID id, String owner, AllowedType type, long size, String sha256, String filename,
        Instant createdAt, boolean isPublic, StorageClassOption storageClass) {
}
