package dev.commerce.media.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import dev.commerce.media.config.MediaConfig;
import dev.commerce.media.domain.AllowedType;
import dev.commerce.media.domain.ByteRange;
import dev.commerce.media.domain.Ids;
import dev.commerce.media.domain.MediaInfo;
import dev.commerce.media.domain.MediaProblems;
import dev.commerce.media.domain.NewVersion;
import dev.commerce.media.domain.OwnerKey;
import dev.commerce.media.domain.PartInfo;
import dev.commerce.media.domain.PresignedRequest;
import dev.commerce.media.domain.UploadDraft;
import dev.commerce.media.domain.UploadInfo;
import dev.commerce.media.domain.VersionInfo;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Media on S3 (see {@link S3Layout} for the keys). Versions are S3 object versions of {@code media/{id}}; metadata is
 * S3 user metadata. Bodies stream through the synchronous client: a known length goes up as one streamed PUT, an
 * unknown one as a multipart upload through a bounded pool of part buffers ({@link PartBuffers}).
 */
// Typed to its class so that MediaStore itself resolves to the one MediaStores selects.
@Typed(S3MediaStore.class)
@ApplicationScoped
public class S3MediaStore implements MediaStore {

    private static final Logger LOG = Logger.getLogger(S3MediaStore.class);
    private static final long SINGLE_PUT_MAX = 5L * 1024 * 1024 * 1024;
    private static final int DELETE_BATCH = 1000;
    private static final int RETRY_BUFFER = 128 * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final MediaConfig config;
    private final PartBuffers buffers;
    private final String bucket;

    public S3MediaStore(S3Client s3, S3Presigner presigner, MediaConfig config, PartBuffers buffers) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
        this.buffers = buffers;
        this.bucket = config.bucket();
    }

    /** Content in a transient key, pinned to the one version that was written. */
    record S3Staged(String key, String versionId, long size, UploadDraft draft, Optional<String> declaredContentType)
            implements StagedContent {
    }

    private record Written(String versionId, Instant modifiedAt) {
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public boolean supportsPresignedUrls() {
        return true;
    }

    @Override
    public boolean supportsStorageClasses() {
        return true;
    }

    @Override
    public boolean isReady() {
        s3.headBucket(b -> b.bucket(bucket));
        return true;
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    @Override
    public StagedContent stage(InputStream content, OptionalLong length, UploadDraft draft) throws IOException {
        String key = S3Layout.staging(Ids.next());
        if (length.isPresent() && length.getAsLong() <= SINGLE_PUT_MAX) {
            long size = length.getAsLong();
            String versionId = s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size)
                    .serverSideEncryption(sse()).ssekmsKeyId(kmsKeyId()),
                    retryable(content, size)).versionId();
            return new S3Staged(key, versionId, size, draft, Optional.empty());
        }
        return stageInParts(key, content, draft);
    }

    private StagedContent stageInParts(String key, InputStream content, UploadDraft draft) throws IOException {
        byte[] buffer = buffers.tryAcquire().orElseThrow(MediaProblems::busy);
        try {
            int filled = content.readNBytes(buffer, 0, buffer.length);
            if (filled < buffer.length) {
                int size = filled;
                String versionId = s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) size)
                        .serverSideEncryption(sse()).ssekmsKeyId(kmsKeyId()), fromBuffer(buffer, size)).versionId();
                return new S3Staged(key, versionId, size, draft, Optional.empty());
            }
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                    .serverSideEncryption(sse()).ssekmsKeyId(kmsKeyId())).uploadId();
            try {
                List<CompletedPart> parts = new ArrayList<>();
                long total = 0;
                while (filled > 0) {
                    int partNumber = parts.size() + 1;
                    int size = filled;
                    String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                            .contentLength((long) size), fromBuffer(buffer, size)).eTag();
                    parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                    total += size;
                    filled = content.readNBytes(buffer, 0, buffer.length);
                }
                String versionId = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts))).versionId();
                return new S3Staged(key, versionId, total, draft, Optional.empty());
            } catch (IOException | RuntimeException e) {
                abortQuietly(key, uploadId);
                throw e;
            }
        } finally {
            buffers.release(buffer);
        }
    }

    @Override
    public InputStream openStaged(StagedContent staged) {
        S3Staged s = (S3Staged) staged;
        return new AbortingStream(s3.getObject(b -> b.bucket(bucket).key(s.key()).versionId(s.versionId())));
    }

    @Override
    public MediaInfo commit(StagedContent staged, NewVersion version, boolean newItem) {
        S3Staged s = (S3Staged) staged;
        String ownerMarker = S3Layout.ownerMarker(OwnerKey.of(version.owner()), version.id());
        if (newItem) {
            putMarker(ownerMarker);
        }
        try {
            Written written = copy(s.key(), s.versionId(), s.size(), S3Layout.media(version.id()),
                    version.type().mimeType(), S3Layout.metadata(version), version.storageClass().name());
            return new MediaInfo(version.id(), written.versionId(), version.owner(), version.type(), s.size(),
                    version.sha256(), version.filename(), version.createdAt(), written.modifiedAt(), version.isPublic(),
                    version.storageClass().name());
        } catch (RuntimeException e) {
            if (newItem) {
                deleteQuietly(ownerMarker, null);
            }
            throw e;
        }
    }

    @Override
    public void discard(StagedContent staged) {
        S3Staged s = (S3Staged) staged;
        deleteQuietly(s.key(), s.versionId());
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    @Override
    public Optional<MediaInfo> find(UUID id) {
        return head(id, null);
    }

    @Override
    public Optional<MediaInfo> findVersion(UUID id, String versionId) {
        return head(id, versionId);
    }

    @Override
    public Optional<MediaInfo> latestContent(UUID id) {
        String key = S3Layout.media(id);
        return s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key)).versions().stream()
                .filter(v -> v.key().equals(key))
                .findFirst()
                .flatMap(v -> head(id, v.versionId()));
    }

    @Override
    public InputStream open(MediaInfo version, ByteRange range) {
        return new AbortingStream(s3.getObject(b -> b.bucket(bucket).key(S3Layout.media(version.id()))
                .versionId(version.versionId()).range(range == null ? null : range.header())));
    }

    @Override
    public Slice<VersionInfo> versions(UUID id, Optional<String> after, int limit) {
        String key = S3Layout.media(id);
        var page = s3.listObjectVersions(b -> b.bucket(bucket).prefix(key).maxKeys(limit)
                .keyMarker(after.isPresent() ? key : null).versionIdMarker(after.orElse(null)));
        // S3 lists versions and delete markers in one sequence; the SDK hands them over as two lists.
        List<VersionInfo> entries = Stream.concat(
                page.versions().stream().filter(v -> v.key().equals(key))
                        .map(v -> new VersionInfo(v.versionId(), v.size(), v.lastModified(), v.isLatest(), false)),
                page.deleteMarkers().stream().filter(m -> m.key().equals(key))
                        .map(m -> new VersionInfo(m.versionId(), 0, m.lastModified(), m.isLatest(), true)))
                .sorted(Comparator.comparing(VersionInfo::latest).reversed()
                        .thenComparing(VersionInfo::modifiedAt, Comparator.reverseOrder()))
                .toList();
        return new Slice<>(entries, Boolean.TRUE.equals(page.isTruncated())
                ? Optional.ofNullable(page.nextVersionIdMarker()) : Optional.empty());
    }

    @Override
    public Slice<MediaInfo> listOwned(String ownerKey, Optional<String> after, int limit) {
        String prefix = S3Layout.ownerPrefix(ownerKey);
        var page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(limit)
                .startAfter(after.map(position -> prefix + position).orElse(null)));
        List<UUID> ids = page.contents().stream().map(o -> S3Layout.trailingId(o.key())).flatMap(Optional::stream).toList();
        List<MediaInfo> items = headAll(ids);
        Optional<String> next = Boolean.TRUE.equals(page.isTruncated()) && !ids.isEmpty()
                ? Optional.of(ids.getLast().toString()) : Optional.empty();
        return new Slice<>(items, next);
    }

    /** One HEAD per item, concurrently; items deleted meanwhile drop out. */
    private List<MediaInfo> headAll(List<UUID> ids) {
        try (ExecutorService heads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<MediaInfo>>> found = ids.stream().map(id -> heads.submit(() -> find(id))).toList();
            List<MediaInfo> items = new ArrayList<>();
            for (Future<Optional<MediaInfo>> item : found) {
                item.get().ifPresent(items::add);
            }
            return items;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing", e);
        }
    }

    // ---- versions -------------------------------------------------------------------------------------------------

    @Override
    public MediaInfo restore(MediaInfo version) {
        String key = S3Layout.media(version.id());
        Written written = copy(key, version.versionId(), version.size(), key, version.type().mimeType(),
                S3Layout.metadata(version), version.storageClass());
        putMarker(S3Layout.ownerMarker(OwnerKey.of(version.owner()), version.id()));
        return new MediaInfo(version.id(), written.versionId(), version.owner(), version.type(), version.size(),
                version.sha256(), version.filename(), version.createdAt(), written.modifiedAt(), version.isPublic(),
                version.storageClass());
    }

    @Override
    public void delete(MediaInfo current) {
        s3.deleteObject(b -> b.bucket(bucket).key(S3Layout.media(current.id())));
        s3.deleteObject(b -> b.bucket(bucket).key(S3Layout.ownerMarker(OwnerKey.of(current.owner()), current.id())));
    }

    @Override
    public void purge(UUID id, String ownerKey) {
        deleteAllVersions(S3Layout.media(id), Instant.MAX);
        deleteAllVersions(S3Layout.ownerMarker(ownerKey, id), Instant.MAX);
    }

    // ---- multipart uploads ----------------------------------------------------------------------------------------

    @Override
    public UploadInfo initiate(String ownerKey, UploadDraft draft) {
        UUID uploadId = Ids.next();
        String s3UploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(S3Layout.upload(ownerKey, uploadId))
                .metadata(S3Layout.draftMetadata(draft)).serverSideEncryption(sse()).ssekmsKeyId(kmsKeyId())).uploadId();
        return new UploadInfo(uploadId, ownerKey, Instant.now(), s3UploadId);
    }

    @Override
    public Optional<UploadInfo> findUpload(String ownerKey, UUID uploadId) {
        String key = S3Layout.upload(ownerKey, uploadId);
        return s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads().stream()
                .filter(u -> u.key().equals(key))
                .findFirst()
                .map(u -> new UploadInfo(uploadId, ownerKey, u.initiated(), u.uploadId()));
    }

    @Override
    public PartInfo uploadPart(UploadInfo upload, int partNumber, InputStream content, long length) {
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(S3Layout.upload(upload.ownerKey(), upload.uploadId()))
                .uploadId(upload.storeRef()).partNumber(partNumber).contentLength(length),
                retryable(content, length)).eTag();
        return new PartInfo(partNumber, etag, length);
    }

    @Override
    public List<PartInfo> parts(UploadInfo upload) {
        return s3.listPartsPaginator(b -> b.bucket(bucket).key(S3Layout.upload(upload.ownerKey(), upload.uploadId()))
                .uploadId(upload.storeRef())).parts().stream()
                .map(p -> new PartInfo(p.partNumber(), p.eTag(), p.size()))
                .toList();
    }

    @Override
    public StagedContent complete(UploadInfo upload, List<PartInfo> parts) {
        String key = S3Layout.upload(upload.ownerKey(), upload.uploadId());
        List<CompletedPart> completed = parts.stream()
                .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.etag()).build()).toList();
        String versionId = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload.storeRef())
                .multipartUpload(m -> m.parts(completed))).versionId();
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key).versionId(versionId));
        return new S3Staged(key, versionId, head.contentLength(), S3Layout.draft(head.metadata()), Optional.empty());
    }

    @Override
    public void abort(UploadInfo upload) {
        abortQuietly(S3Layout.upload(upload.ownerKey(), upload.uploadId()), upload.storeRef());
    }

    @Override
    public List<UploadInfo> uploads(String ownerKey, int limit) {
        return s3.listMultipartUploads(b -> b.bucket(bucket).prefix(S3Layout.uploadPrefix(ownerKey)).maxUploads(limit))
                .uploads().stream()
                .flatMap(u -> S3Layout.trailingId(u.key()).stream()
                        .map(id -> new UploadInfo(id, ownerKey, u.initiated(), u.uploadId())))
                .toList();
    }

    @Override
    public int removeStale(Instant cutoff) {
        int removed = 0;
        for (var upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
            if (isStaging(upload.key()) && upload.initiated().isBefore(cutoff)) {
                abortQuietly(upload.key(), upload.uploadId());
                removed++;
            }
        }
        for (String prefix : S3Layout.STAGING_PREFIXES) {
            removed += deleteAllVersions(prefix, cutoff);
        }
        return removed;
    }

    private static boolean isStaging(String key) {
        return S3Layout.STAGING_PREFIXES.stream().anyMatch(key::startsWith);
    }

    // ---- presigned URLs -------------------------------------------------------------------------------------------

    @Override
    public PresignedRequest presignDownload(MediaInfo version, String contentDisposition, Duration expiry) {
        return presigned(presigner.presignGetObject(b -> b.signatureDuration(expiry)
                .getObjectRequest(g -> g.bucket(bucket).key(S3Layout.media(version.id())).versionId(version.versionId())
                        .responseContentDisposition(contentDisposition))));
    }

    @Override
    public PresignedRequest presignUpload(String ownerKey, UUID uploadId, AllowedType type, long length,
            UploadDraft draft, Duration expiry) {
        // Content type, length and the draft metadata are signed headers: a client cannot send anything else.
        return presigned(presigner.presignPutObject(b -> b.signatureDuration(expiry)
                .putObjectRequest(p -> p.bucket(bucket).key(S3Layout.presigned(ownerKey, uploadId))
                        .contentType(type.mimeType()).contentLength(length).metadata(S3Layout.draftMetadata(draft)))));
    }

    @Override
    public Optional<StagedContent> findPresignedUpload(String ownerKey, UUID uploadId) {
        String key = S3Layout.presigned(ownerKey, uploadId);
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new S3Staged(key, head.versionId(), head.contentLength(), S3Layout.draft(head.metadata()),
                    Optional.ofNullable(head.contentType())));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public PresignedRequest presignPart(UploadInfo upload, int partNumber, Duration expiry) {
        return presigned(presigner.presignUploadPart(b -> b.signatureDuration(expiry)
                .uploadPartRequest(p -> p.bucket(bucket).key(S3Layout.upload(upload.ownerKey(), upload.uploadId()))
                        .uploadId(upload.storeRef()).partNumber(partNumber))));
    }

    private static PresignedRequest presigned(software.amazon.awssdk.awscore.presigner.PresignedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedRequest(request.httpRequest().method().name(), toUri(request.url()), headers,
                request.expiration());
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private Optional<MediaInfo> head(UUID id, String versionId) {
        try {
            HeadObjectResponse h = s3.headObject(b -> b.bucket(bucket).key(S3Layout.media(id)).versionId(versionId));
            return S3Layout.mediaInfo(id, h.versionId(), h.metadata(), h.contentType(), h.contentLength(),
                    h.lastModified(), h.storageClassAsString());
        } catch (S3Exception e) {
            // 404: no such key or version; 405: the version is a delete marker; 400: not a version id at all.
            if (e.statusCode() == 404 || e.statusCode() == 405 || e.statusCode() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Copies one object version to {@code destination} as a new version with the given metadata. */
    private Written copy(String source, String sourceVersionId, long size, String destination, String contentType,
            Map<String, String> metadata, String storageClass) {
        if (size <= config.s3().multipartCopyThreshold().asLongValue()) {
            var response = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).sourceVersionId(sourceVersionId)
                    .destinationBucket(bucket).destinationKey(destination)
                    .metadataDirective(MetadataDirective.REPLACE).contentType(contentType).metadata(metadata)
                    .storageClass(StorageClass.fromValue(storageClass))
                    .serverSideEncryption(sse()).ssekmsKeyId(kmsKeyId()));
            return new Written(response.versionId(), response.copyObjectResult().lastModified());
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(destination).contentType(contentType)
                .metadata(metadata).storageClass(StorageClass.fromValue(storageClass))
                .serverSideEncryption(sse()).ssekmsKeyId(kmsKeyId())).uploadId();
        try {
            long partSize = config.s3().copyPartSize().asLongValue();
            List<CompletedPart> parts = new ArrayList<>();
            for (long first = 0; first < size; first += partSize) {
                int partNumber = parts.size() + 1;
                String range = "bytes=" + first + "-" + (Math.min(first + partSize, size) - 1);
                String etag = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(source)
                        .sourceVersionId(sourceVersionId).destinationBucket(bucket).destinationKey(destination)
                        .uploadId(uploadId).partNumber(partNumber).copySourceRange(range)).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            String versionId = s3.completeMultipartUpload(b -> b.bucket(bucket).key(destination).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts))).versionId();
            Instant modifiedAt = s3.headObject(b -> b.bucket(bucket).key(destination).versionId(versionId)).lastModified();
            return new Written(versionId, modifiedAt);
        } catch (RuntimeException e) {
            abortQuietly(destination, uploadId);
            throw e;
        }
    }

    /** Deletes every version and delete marker under {@code prefix} last modified before {@code cutoff}. */
    private int deleteAllVersions(String prefix, Instant cutoff) {
        List<ObjectIdentifier> doomed = new ArrayList<>();
        for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix))) {
            page.versions().stream().filter(v -> v.lastModified().isBefore(cutoff))
                    .forEach(v -> doomed.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().stream().filter(m -> m.lastModified().isBefore(cutoff))
                    .forEach(m -> doomed.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
        }
        for (int from = 0; from < doomed.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = doomed.subList(from, Math.min(from + DELETE_BATCH, doomed.size()));
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
        return doomed.size();
    }

    private void putMarker(String key) {
        s3.putObject(b -> b.bucket(bucket).key(key).serverSideEncryption(sse()).ssekmsKeyId(kmsKeyId()),
                RequestBody.empty());
    }

    private void deleteQuietly(String key, String versionId) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId));
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete %s (version %s); the stale-upload sweep will: %s", key, versionId, e.getMessage());
        }
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            LOG.warnf("Could not abort upload of %s; the stale-upload sweep will: %s", key, e.getMessage());
        }
    }

    private String sse() {
        if (config.s3().sse().isPresent()) {
            return switch (config.s3().sse().get()) {
                case AES256 -> "AES256";
                case AWS_KMS -> "aws:kms";
            };
        }
        return config.s3().kmsKeyId().isPresent() ? "aws:kms" : null;
    }

    private String kmsKeyId() {
        return "aws:kms".equals(sse()) ? config.s3().kmsKeyId().orElse(null) : null;
    }

    /**
     * A streamed body the SDK can resend when an attempt fails early (e.g. on a stale pooled connection): it replays
     * the first bytes from a small buffer instead of reading the client's body twice.
     */
    private static RequestBody retryable(InputStream content, long length) {
        return RequestBody.fromInputStream(new BufferedInputStream(content, RETRY_BUFFER), length);
    }

    private static RequestBody fromBuffer(byte[] buffer, int length) {
        // No copy of the part: the SDK reads the shared buffer, also on a retry.
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                "application/octet-stream");
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A response body that aborts the connection when closed before its end, instead of reading the rest of a
     * possibly large object just to reuse the connection.
     */
    private static final class AbortingStream extends InputStream {

        private final ResponseInputStream<GetObjectResponse> in;
        private boolean ended;

        AbortingStream(ResponseInputStream<GetObjectResponse> in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                in.abort();
            }
            in.close();
        }
    }
}
