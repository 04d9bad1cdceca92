package dev.commerce.media.domain;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Server-made ids: UUIDv7, so ids sort in creation order (owner listings, EFS version history) while staying
 * unguessable enough (74 random bits) and free of any client input.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
