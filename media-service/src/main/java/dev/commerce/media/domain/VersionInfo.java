package dev.commerce.media.domain;

import java.time.Instant;

/** One entry of a media item's history: a content version or a delete marker. */
public record VersionInfo(String versionId, long size, Instant modifiedAt, boolean latest, boolean deleteMarker) {
}
