package dev.commerce.media.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Asks for a presigned PUT: the exact content type and length the object will have, plus optional details. */
public record PresignedUploadRequest(
        @NotBlank @Size(max = 100) String contentType,
        @NotNull @Min(1) Long contentLength,
        @Size(max = 1024) String filename,
        @Size(max = 32) String storageClass,
        @JsonProperty("public") Boolean isPublic,
        Integer expiresInSeconds) {
}
