package dev.commerce.media.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.commerce.media.domain.MultipartUploads;

/** The parts to join, in order, each with the ETag its upload returned. */
public record CompleteUploadRequest(
        @NotEmpty @Size(max = MultipartUploads.MAX_PARTS) List<@Valid @NotNull Part> parts) {

    public record Part(@Min(1) @Max(MultipartUploads.MAX_PARTS) int partNumber, @NotBlank @Size(max = 128) String etag) {
    }
}
