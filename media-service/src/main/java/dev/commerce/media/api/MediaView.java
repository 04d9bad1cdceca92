package dev.commerce.media.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.commerce.media.domain.MediaInfo;

/** A media item (one version of it) as the API shows it. */
public record MediaView(UUID id, String versionId, String owner, String contentType, long size, String sha256,
        String filename, @JsonProperty("public") boolean isPublic, String storageClass, Instant createdAt,
        Instant updatedAt) {

    static MediaView of(MediaInfo media) {
        return new MediaView(media.id(), media.versionId(), media.owner(), media.type().mimeType(), media.size(),
                media.sha256(), media.filename(), media.isPublic(), media.storageClass(), media.createdAt(),
                media.modifiedAt());
    }
}
