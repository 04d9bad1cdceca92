package dev.commerce.catalog.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.commerce.common.api.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Query positions (a DynamoDB exclusive start key of string attributes) as text, for the API to sign into an opaque
 * cursor. A position is only accepted for the partition it was issued for.
 */
final class Positions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private Positions() {
    }

    static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param partitionAttribute the partition key attribute of the queried table or index
     * @param partition          the partition being listed
     * @throws ProblemException 400 when the position belongs to another listing or is not a key of this query
     */
    static Optional<Map<String, AttributeValue>> decode(Optional<String> position, Set<String> keyAttributes,
            String partitionAttribute, String partition) {
        if (position.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> plain;
        try {
            plain = JSON.readValue(position.get(), STRING_MAP);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw foreign();
        }
        if (plain == null || !plain.keySet().equals(keyAttributes) || !partition.equals(plain.get(partitionAttribute))
                || plain.values().stream().anyMatch(v -> v == null || v.isEmpty())) {
            throw foreign();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return Optional.of(key);
    }

    private static ProblemException foreign() {
        return ProblemException.invalidField("cursor", "does not belong to this listing");
    }
}
