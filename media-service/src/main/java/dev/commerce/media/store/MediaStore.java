package dev.commerce.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import dev.commerce.media.domain.AllowedType;
import dev.commerce.media.domain.ByteRange;
import dev.commerce.media.domain.MediaInfo;
import dev.commerce.media.domain.NewVersion;
import dev.commerce.media.domain.PartInfo;
import dev.commerce.media.domain.PresignedRequest;
import dev.commerce.media.domain.UploadDraft;
import dev.commerce.media.domain.UploadInfo;
import dev.commerce.media.domain.VersionInfo;

/**
 * Where media bytes and their metadata live. Two implementations honour the same contract (the same test suite runs
 * against both): {@link S3MediaStore} and {@link EfsMediaStore}.
 * <p>
 * Writes go through a staging step: content is first stored where nothing reads it, then checked, then
 * {@linkplain #commit committed} as the new current version in one atomic step (an S3 copy, a directory rename),
 * so a failed or refused upload never shows up as a media item. Keys and paths are built only from server-made ids.
 */
public interface MediaStore {

    /** "s3" or "efs", for messages and metrics. */
    String name();

    boolean supportsPresignedUrls();

    boolean supportsStorageClasses();

    /** Whether the store answers and accepts writes. */
    boolean isReady();

    // ---- writing ------------------------------------------------------------------------------------------------

    /** Streams {@code content} into staging; a failure leaves nothing behind. */
    StagedContent stage(InputStream content, OptionalLong length, UploadDraft draft) throws IOException;

    /** Reads staged bytes, to check content that did not stream through the service. */
    InputStream openStaged(StagedContent staged) throws IOException;

    /** Makes checked staged content the current version of {@code version.id()}; lists new items under their owner. */
    MediaInfo commit(StagedContent staged, NewVersion version, boolean newItem);

    /** Removes staged content; safe to call after a commit. */
    void discard(StagedContent staged);

    // ---- reading --------------------------------------------------------------------------------------------------

    /** The current version; empty when there is none or the item is deleted. */
    Optional<MediaInfo> find(UUID id);

    /** A given version; empty when there is no such content version. */
    Optional<MediaInfo> findVersion(UUID id, String versionId);

    /** The newest content version, also of a deleted item (for restoring). */
    Optional<MediaInfo> latestContent(UUID id);

    /** The bytes of {@code version}, from the start of {@code range} (whole content when null). */
    InputStream open(MediaInfo version, ByteRange range) throws IOException;

    /** Versions and delete markers, newest first, after position {@code after}. */
    Slice<VersionInfo> versions(UUID id, Optional<String> after, int limit);

    /** The owner's current items in id (creation) order after position {@code after}. */
    Slice<MediaInfo> listOwned(String ownerKey, Optional<String> after, int limit);

    // ---- versions -------------------------------------------------------------------------------------------------

    /** Makes a copy of {@code version} the new current version (also of a deleted item). */
    MediaInfo restore(MediaInfo version);

    /** Soft delete: the item disappears (a delete marker), its versions stay restorable. */
    void delete(MediaInfo current);

    /** Removes every version and marker of the item for good. */
    void purge(UUID id, String ownerKey);

    // ---- multipart uploads ----------------------------------------------------------------------------------------

    UploadInfo initiate(String ownerKey, UploadDraft draft);

    Optional<UploadInfo> findUpload(String ownerKey, UUID uploadId);

    /** Stores exactly {@code length} bytes as part {@code partNumber}, replacing an earlier one. */
    PartInfo uploadPart(UploadInfo upload, int partNumber, InputStream content, long length) throws IOException;

    /** The parts uploaded so far, by part number. */
    List<PartInfo> parts(UploadInfo upload);

    /** Joins the given (already validated) parts into staged content; the upload is gone afterwards. */
    StagedContent complete(UploadInfo upload, List<PartInfo> parts) throws IOException;

    void abort(UploadInfo upload);

    List<UploadInfo> uploads(String ownerKey, int limit);

    /** Aborts incomplete uploads started before {@code cutoff} and removes staging leftovers older than it. */
    int removeStale(Instant cutoff);

    // ---- presigned URLs (S3 only) ----------------------------------------------------------------------------------

    PresignedRequest presignDownload(MediaInfo version, String contentDisposition, Duration expiry);

    /** A PUT bound to this content type and length, into staging for upload {@code uploadId}. */
    PresignedRequest presignUpload(String ownerKey, UUID uploadId, AllowedType type, long length, UploadDraft draft,
            Duration expiry);

    /** What arrived through a presigned upload URL, if anything did. */
    Optional<StagedContent> findPresignedUpload(String ownerKey, UUID uploadId);

    PresignedRequest presignPart(UploadInfo upload, int partNumber, Duration expiry);
}
