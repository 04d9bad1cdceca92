package dev.commerce.media.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.commerce.media.domain.AllowedType;
import dev.commerce.media.domain.MediaInfo;
import dev.commerce.media.domain.NewVersion;
import dev.commerce.media.domain.StorageClassOption;
import dev.commerce.media.domain.UploadDraft;

/**
 * The bucket's key scheme and the user metadata kept on each object. Every key is made of fixed words, server-made
 * UUIDs and owner keys (hex hashes); metadata values are percent-encoded because S3 carries them as ASCII headers.
 * <pre>
 * media/{id}                     the item; every write is a new S3 version
 * owners/{ownerKey}/{id}         empty marker listing a live item under its owner
 * staging/{uuid}                 a direct upload on its way in
 * uploads/{ownerKey}/{uploadId}  a multipart upload, then its joined result until it is checked
 * presigned/{ownerKey}/{uploadId} the target of a presigned PUT until it is finalized
 * </pre>
 */
final class S3Layout {

    /** Prefixes whose objects are transient: the sweeper removes old ones, a bucket lifecycle rule should too. */
    static final List<String> STAGING_PREFIXES = List.of("staging/", "uploads/", "presigned/");
    static final String UPLOADS_PREFIX = "uploads/";

    private static final String OWNER = "owner";
    private static final String SHA256 = "sha256";
    private static final String FILENAME = "filename";
    private static final String CREATED = "created";
    private static final String PUBLIC = "public";
    private static final String STORAGE_CLASS = "storage-class";

    private S3Layout() {
    }

    static String media(UUID id) {
        return "media/" + id;
    }

    static String ownerMarker(String ownerKey, UUID id) {
        return ownerPrefix(ownerKey) + id;
    }

    static String ownerPrefix(String ownerKey) {
        return "owners/" + ownerKey + "/";
    }

    static String staging(UUID stagingId) {
        return "staging/" + stagingId;
    }

    static String upload(String ownerKey, UUID uploadId) {
        return uploadPrefix(ownerKey) + uploadId;
    }

    static String uploadPrefix(String ownerKey) {
        return UPLOADS_PREFIX + ownerKey + "/";
    }

    static String presigned(String ownerKey, UUID uploadId) {
        return "presigned/" + ownerKey + "/" + uploadId;
    }

    /** The UUID that ends a key, if it ends with one. */
    static Optional<UUID> trailingId(String key) {
        try {
            return Optional.of(UUID.fromString(key.substring(key.lastIndexOf('/') + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Map<String, String> metadata(NewVersion version) {
        return metadata(version.owner(), version.sha256(), version.createdAt(), version.isPublic(), version.filename());
    }

    static Map<String, String> metadata(MediaInfo media) {
        return metadata(media.owner(), media.sha256(), media.createdAt(), media.isPublic(), media.filename());
    }

    private static Map<String, String> metadata(String owner, String sha256, Instant createdAt, boolean isPublic,
            String filename) {
        Map<String, String> meta = new HashMap<>();
        meta.put(OWNER, encode(owner));
        meta.put(SHA256, sha256);
        meta.put(CREATED, createdAt.toString());
        meta.put(PUBLIC, Boolean.toString(isPublic));
        if (filename != null) {
            meta.put(FILENAME, encode(filename));
        }
        return meta;
    }

    static Map<String, String> draftMetadata(UploadDraft draft) {
        Map<String, String> meta = new HashMap<>();
        meta.put(STORAGE_CLASS, draft.storageClass().name());
        meta.put(PUBLIC, Boolean.toString(draft.isPublic()));
        if (draft.filename() != null) {
            meta.put(FILENAME, encode(draft.filename()));
        }
        return meta;
    }

    static UploadDraft draft(Map<String, String> meta) {
        StorageClassOption storageClass = parseStorageClass(meta.get(STORAGE_CLASS));
        return new UploadDraft(decode(meta.get(FILENAME)), storageClass, Boolean.parseBoolean(meta.get(PUBLIC)));
    }

    /** The media item an object describes; empty for objects this service did not write. */
    static Optional<MediaInfo> mediaInfo(UUID id, String versionId, Map<String, String> meta, String contentType,
            long size, Instant modifiedAt, String storageClass) {
        Optional<AllowedType> type = AllowedType.ofMimeType(contentType);
        String owner = decode(meta.get(OWNER));
        String sha256 = meta.get(SHA256);
        if (type.isEmpty() || owner == null || sha256 == null) {
            return Optional.empty();
        }
        return Optional.of(new MediaInfo(id, versionId, owner, type.get(), size, sha256, decode(meta.get(FILENAME)),
                parseInstant(meta.get(CREATED), modifiedAt), modifiedAt, Boolean.parseBoolean(meta.get(PUBLIC)),
                storageClass == null ? StorageClassOption.STANDARD.name() : storageClass));
    }

    private static StorageClassOption parseStorageClass(String value) {
        if (value == null) {
            return StorageClassOption.STANDARD;
        }
        try {
            return StorageClassOption.valueOf(value);
        } catch (IllegalArgumentException otherClass) {
            return StorageClassOption.STANDARD;
        }
    }

    private static Instant parseInstant(String value, Instant fallback) {
        try {
            return value == null ? fallback : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
