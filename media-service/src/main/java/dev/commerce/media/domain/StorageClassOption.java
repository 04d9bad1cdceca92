package dev.commerce.media.domain;

import java.util.Arrays;

import dev.commerce.common.api.ProblemException;

/** S3 storage classes an upload may ask for; EFS stores everything in its one class. */
public enum StorageClassOption {
    STANDARD,
    INTELLIGENT_TIERING,
    STANDARD_IA;

    /** The option a stored version reports; classes this service never asks for (e.g. after a lifecycle rule) count as STANDARD. */
    public static StorageClassOption ofStored(String storageClass) {
        return Arrays.stream(values()).filter(option -> option.name().equals(storageClass)).findFirst().orElse(STANDARD);
    }

    /** The option named by a request parameter; STANDARD when absent. */
    public static StorageClassOption parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return STANDARD;
        }
        return Arrays.stream(values()).filter(option -> option.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField(field,
                        "must be one of STANDARD, INTELLIGENT_TIERING, STANDARD_IA"));
    }
}
