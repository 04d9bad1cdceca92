package dev.commerce.common.api;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail, the body of every error response of every service.
 *
 * @param type     a URI naming the kind of problem, e.g. {@code urn:problem:validation}
 * @param errors   per-field messages for validation failures; absent otherwise
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where ({@code field}, a JSON path or parameter name) and why. */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create("urn:problem:" + slug);
    }
}
