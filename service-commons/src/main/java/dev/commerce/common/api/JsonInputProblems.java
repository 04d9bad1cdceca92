package dev.commerce.common.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a request body that Jackson could not read means to the client. A value of the wrong type, an unknown enum
 * constant or an unknown field is a 400 {@code urn:problem:validation} naming the field in {@code errors[]}, like a
 * bean-validation failure; a body that is not JSON, or not the expected kind of JSON at all, is a 400
 * {@code urn:problem:malformed-body}. Messages name the expected type, never Jackson's own text, which quotes
 * class names.
 */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    /** @return the problem, or empty when the failure is the service's own (a type Jackson cannot handle, or writing a response) */
    static Optional<Problem> of(JsonProcessingException e, String instance) {
        if (e instanceof InvalidDefinitionException || e.getProcessor() instanceof JsonGenerator) {
            return Optional.empty();
        }
        if (unreadable(e)) {
            return Optional.of(malformed("The request body is not valid JSON", instance));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = message(mapping);
            return Optional.of(new Problem(Problem.type("validation"), "Invalid input", 400, field + " " + message,
                    instance, List.of(new Problem.FieldError(field, message))));
        }
        return Optional.of(malformed(e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? "The request body must be " + expected(mismatch.getTargetType())
                : "The request body is not valid JSON", instance));
    }

    private static Problem malformed(String detail, String instance) {
        return new Problem(Problem.type("malformed-body"), "Malformed request body", 400, detail, instance, List.of());
    }

    /** Broken syntax or a document past the parser's limits; Jackson wraps these with the path where reading stopped. */
    private static boolean unreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StreamReadException || cause instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static String message(JsonMappingException e) {
        return switch (e) {
            case UnrecognizedPropertyException unknown -> "is not a known field";
            case InvalidFormatException invalid when invalid.getTargetType() != null && invalid.getTargetType().isEnum() ->
                "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", "));
            case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                "must be " + expected(mismatch.getTargetType());
            default -> "has an invalid value";
        };
    }

    /** The JSON kind a Java type is read from, as a client would name it. */
    static String expected(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        // Enums, java.time, UUID, URI and the like are read from strings; records and beans from objects.
        return type.isEnum() || type.getPackageName().startsWith("java.") ? "a string" : "an object";
    }

    /** "items[2].quantity" for the reference path Jackson reports. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
