package dev.commerce.media.api;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Starts a multipart upload; every field is optional. */
public record UploadRequest(@Size(max = 1024) String filename, @Size(max = 32) String storageClass,
        @JsonProperty("public") Boolean isPublic) {
}
