package dev.commerce.media.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The item a checked upload becomes a version of, with everything about it that does not come from the bytes.
 *
 * @param newItem true when this is the item's first version
 */
public record VersionTarget(UUID id, String owner, String filename, Instant createdAt, boolean isPublic,
        StorageClassOption storageClass, boolean newItem) {

    /** A new item owned by {@code caller}. */
    public static VersionTarget newItem(Caller caller, UploadDraft draft) {
        return new VersionTarget(Ids.next(), caller.subject(), draft.filename(), Instant.now(), draft.isPublic(),
                draft.storageClass(), true);
    }

    /** A new version of {@code current}: same owner and creation, optionally a new name or storage class. */
    public static VersionTarget replacing(MediaInfo current, String filename, StorageClassOption storageClass) {
        return new VersionTarget(current.id(), current.owner(), filename != null ? filename : current.filename(),
                current.createdAt(), current.isPublic(), storageClass, false);
    }

    NewVersion with(AllowedType type, long size, String sha256) {
        return new NewVersion(id, owner, type, size, sha256, filename, createdAt, isPublic, storageClass);
    }
}
