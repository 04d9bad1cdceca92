package dev.commerce.media.api;

import java.util.Optional;
import java.util.UUID;

/** Ids in paths are server-made UUIDs in canonical form; anything else names nothing (404), never a key or path. */
final class PathIds {

    private PathIds() {
    }

    static Optional<UUID> parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id.toLowerCase()) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
