package dev.commerce.media.api;

import java.time.Instant;

import dev.commerce.media.domain.VersionInfo;

/** One entry of an item's history; a delete marker has no content. */
public record VersionView(String versionId, long size, Instant createdAt, boolean latest, boolean deleteMarker) {

    static VersionView of(VersionInfo version) {
        return new VersionView(version.versionId(), version.size(), version.modifiedAt(), version.latest(),
                version.deleteMarker());
    }
}
