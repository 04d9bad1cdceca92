package dev.commerce.media.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored version of a media item with the metadata kept alongside its bytes.
 *
 * @param versionId  the store's id of this version
 * @param owner      subject of the token that uploaded the item
 * @param filename   the client's file name, sanitised; null when none was given
 * @param createdAt  when the item (its first version) was created
 * @param modifiedAt when this version was written
 * @param storageClass the store's storage class of this version, e.g. STANDARD
 */
public record MediaInfo(UUID id, String versionId, String owner, AllowedType type, long size, String sha256,
        String filename, Instant createdAt, Instant modifiedAt, boolean isPublic, String storageClass) {

    /** A strong validator of the bytes: equal for equal content. */
    public String etag() {
        return '"' + sha256 + '"';
    }

    /** The file name offered on download: the original one, or one made from the id. */
    public String downloadName() {
        return filename != null ? filename : id + "." + type.extension();
    }
}
