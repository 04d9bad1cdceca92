package dev.commerce.media.domain;

import java.util.List;
import java.util.Map;

import dev.commerce.common.api.Problem;
import dev.commerce.common.api.ProblemException;

/** The media-specific problem responses. */
public final class MediaProblems {

    private MediaProblems() {
    }

    public static ProblemException notFound() {
        return ProblemException.notFound("No such media item");
    }

    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The body exceeds the limit of " + maxBytes + " bytes; nothing was stored");
    }

    public static ProblemException unsupportedType(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                detail + "; allowed: image/jpeg, image/png, image/gif, image/webp, application/pdf, video/mp4");
    }

    public static ProblemException empty() {
        return new ProblemException(400, "empty-body", "Empty body", "The body has no bytes; nothing was stored");
    }

    public static ProblemException lengthRequired() {
        return new ProblemException(411, "length-required", "Length required",
                "Send the part with a Content-Length header");
    }

    public static ProblemException interrupted() {
        return new ProblemException(400, "upload-interrupted", "Upload interrupted",
                "The body ended before it was complete; nothing was stored");
    }

    public static ProblemException notSupported(String feature, String store) {
        return new ProblemException(501, "not-supported", "Not supported by this store",
                feature + " is not available with the " + store + " store");
    }

    public static ProblemException busy() {
        return ProblemException.unavailable("All upload buffers are in use; retry shortly or send a Content-Length", 2);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException rangeNotSatisfiable(long size) {
        return new ProblemException(416, "range-not-satisfiable", "Range not satisfiable",
                "The requested range lies outside the " + size + "-byte content", List.of(),
                Map.of("Content-Range", "bytes */" + size));
    }

    public static ProblemException invalidParts(List<Problem.FieldError> errors) {
        return new ProblemException(400, "invalid-part-list", "Invalid part list",
                errors.getFirst().field() + ": " + errors.getFirst().message(), errors, Map.of());
    }
}
