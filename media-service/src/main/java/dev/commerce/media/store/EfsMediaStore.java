package dev.commerce.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.commerce.common.api.ProblemException;
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
import dev.commerce.media.domain.StorageClassOption;
import dev.commerce.media.domain.UploadDraft;
import dev.commerce.media.domain.UploadInfo;
import dev.commerce.media.domain.VersionInfo;

/**
 * Media on a POSIX directory: the EFS access-point mount in AWS, a temporary directory locally. Every name below the
 * root is a fixed word, a server-made UUID or an owner key (hex hash):
 * <pre>
 * media/{id}/{versionId}/data + meta.json   one directory per version (meta.json alone: a delete marker)
 * owners/{ownerKey}/{id}                    empty file listing a live item under its owner
 * uploads/{ownerKey}/{uploadId}/            upload.json + part-{number}-{etag} files of a multipart upload
 * staging/{uuid}                            content on its way in
 * tmp/                                      versions and removals being assembled
 * </pre>
 * A version is built in tmp/ and renamed into place in one atomic step, so readers see it whole or not at all.
 * Version ids are UUIDv7 and sort in creation order; the newest {@code media.efs.max-versions} entries are kept.
 */
// Typed to its class so that MediaStore itself resolves to the one MediaStores selects.
@Typed(EfsMediaStore.class)
@ApplicationScoped
public class EfsMediaStore implements MediaStore {

    private static final String DATA = "data";
    private static final String META = "meta.json";
    private static final String UPLOAD = "upload.json";
    private static final Pattern PART_FILE = Pattern.compile("part-(\\d{5})-([0-9a-f]{32})");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final MediaConfig config;
    private final ObjectMapper json;

    public EfsMediaStore(MediaConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    record EfsStaged(Path file, long size, UploadDraft draft) implements StagedContent {
        @Override
        public Optional<String> declaredContentType() {
            return Optional.empty();
        }
    }

    /** meta.json of a version directory. */
    record VersionRecord(String versionId, boolean deleteMarker, String owner, String contentType, long size,
            String sha256, String filename, Instant createdAt, Instant modifiedAt, boolean isPublic) {
    }

    /** upload.json of a multipart upload. */
    record UploadRecord(UUID uploadId, Instant initiatedAt, String filename, StorageClassOption storageClass,
            boolean isPublic) {
    }

    @Override
    public String name() {
        return "efs";
    }

    @Override
    public boolean supportsPresignedUrls() {
        return false;
    }

    @Override
    public boolean supportsStorageClasses() {
        return false;
    }

    @Override
    public boolean isReady() {
        return Files.isDirectory(root()) && Files.isWritable(root());
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    @Override
    public StagedContent stage(InputStream content, OptionalLong length, UploadDraft draft) throws IOException {
        Path file = newStagingFile();
        try {
            long size = Files.copy(content, file);
            return new EfsStaged(file, size, draft);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public InputStream openStaged(StagedContent staged) throws IOException {
        return Files.newInputStream(((EfsStaged) staged).file());
    }

    @Override
    public MediaInfo commit(StagedContent staged, NewVersion version, boolean newItem) {
        EfsStaged s = (EfsStaged) staged;
        Instant now = now();
        String versionId = Ids.next().toString();
        VersionRecord record = new VersionRecord(versionId, false, version.owner(), version.type().mimeType(), s.size(),
                version.sha256(), version.filename(), version.createdAt(), now, version.isPublic());
        io(() -> {
            Path work = newWorkDir();
            Files.move(s.file(), work.resolve(DATA), StandardCopyOption.ATOMIC_MOVE);
            publishVersion(version.id(), work, record);
            if (newItem) {
                listUnderOwner(version.owner(), version.id());
            }
        });
        prune(version.id());
        return info(version.id(), record).orElseThrow();
    }

    @Override
    public void discard(StagedContent staged) {
        io(() -> Files.deleteIfExists(((EfsStaged) staged).file()));
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    @Override
    public Optional<MediaInfo> find(UUID id) {
        return versionIds(id).stream().findFirst().flatMap(v -> read(id, v)).flatMap(r -> info(id, r));
    }

    @Override
    public Optional<MediaInfo> findVersion(UUID id, String versionId) {
        if (!UUID_TEXT.matcher(versionId).matches()) {
            return Optional.empty();
        }
        return read(id, versionId).flatMap(r -> info(id, r));
    }

    @Override
    public Optional<MediaInfo> latestContent(UUID id) {
        return versionIds(id).stream().map(v -> read(id, v)).flatMap(Optional::stream)
                .filter(r -> !r.deleteMarker()).findFirst().flatMap(r -> info(id, r));
    }

    @Override
    public InputStream open(MediaInfo version, ByteRange range) throws IOException {
        InputStream in = Files.newInputStream(path("media", version.id().toString(), version.versionId(), DATA));
        if (range == null) {
            return in;
        }
        in.skipNBytes(range.first());
        return new BoundedStream(in, range.length());
    }

    @Override
    public Slice<VersionInfo> versions(UUID id, Optional<String> after, int limit) {
        List<String> ids = versionIds(id);
        String newest = ids.isEmpty() ? null : ids.getFirst();
        List<String> page = ids.stream().filter(v -> after.isEmpty() || v.compareTo(after.get()) < 0)
                .limit(limit + 1L).toList();
        List<VersionInfo> entries = page.stream().limit(limit)
                .map(v -> read(id, v).map(r -> new VersionInfo(v, r.size(), r.modifiedAt(), v.equals(newest), r.deleteMarker())))
                .flatMap(Optional::stream)
                .toList();
        return new Slice<>(entries, page.size() > limit ? Optional.of(page.get(limit - 1)) : Optional.empty());
    }

    @Override
    public Slice<MediaInfo> listOwned(String ownerKey, Optional<String> after, int limit) {
        List<String> ids = names(path("owners", ownerKey)).stream()
                .filter(name -> UUID_TEXT.matcher(name).matches())
                .filter(name -> after.isEmpty() || name.compareTo(after.get()) > 0)
                .sorted()
                .limit(limit + 1L)
                .toList();
        List<MediaInfo> items = ids.stream().limit(limit).map(UUID::fromString).map(this::find)
                .flatMap(Optional::stream).toList();
        return new Slice<>(items, ids.size() > limit ? Optional.of(ids.get(limit - 1)) : Optional.empty());
    }

    // ---- versions -------------------------------------------------------------------------------------------------

    @Override
    public MediaInfo restore(MediaInfo version) {
        String versionId = Ids.next().toString();
        VersionRecord record = new VersionRecord(versionId, false, version.owner(), version.type().mimeType(),
                version.size(), version.sha256(), version.filename(), version.createdAt(), now(), version.isPublic());
        io(() -> {
            Path work = newWorkDir();
            Path source = path("media", version.id().toString(), version.versionId(), DATA);
            try {
                // Version data is never modified in place, so the restored version may share the same file.
                Files.createLink(work.resolve(DATA), source);
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                Files.copy(source, work.resolve(DATA));
            }
            publishVersion(version.id(), work, record);
            listUnderOwner(version.owner(), version.id());
        });
        prune(version.id());
        return info(version.id(), record).orElseThrow();
    }

    @Override
    public void delete(MediaInfo current) {
        VersionRecord marker = new VersionRecord(Ids.next().toString(), true, current.owner(), null, 0, null, null,
                current.createdAt(), now(), false);
        io(() -> {
            publishVersion(current.id(), newWorkDir(), marker);
            Files.deleteIfExists(path("owners", OwnerKey.of(current.owner()), current.id().toString()));
        });
        prune(current.id());
    }

    @Override
    public void purge(UUID id, String ownerKey) {
        io(() -> {
            removeTree(path("media", id.toString()));
            Files.deleteIfExists(path("owners", ownerKey, id.toString()));
        });
    }

    // ---- multipart uploads ----------------------------------------------------------------------------------------

    @Override
    public UploadInfo initiate(String ownerKey, UploadDraft draft) {
        UploadRecord record = new UploadRecord(Ids.next(), now(), draft.filename(), draft.storageClass(), draft.isPublic());
        io(() -> {
            Path work = newWorkDir();
            json.writeValue(work.resolve(UPLOAD).toFile(), record);
            Path target = path("uploads", ownerKey, record.uploadId().toString());
            Files.createDirectories(target.getParent());
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        });
        return new UploadInfo(record.uploadId(), ownerKey, record.initiatedAt(), record.uploadId().toString());
    }

    @Override
    public Optional<UploadInfo> findUpload(String ownerKey, UUID uploadId) {
        return readUpload(path("uploads", ownerKey, uploadId.toString()))
                .map(r -> new UploadInfo(uploadId, ownerKey, r.initiatedAt(), uploadId.toString()));
    }

    @Override
    public PartInfo uploadPart(UploadInfo upload, int partNumber, InputStream content, long length) throws IOException {
        Path dir = uploadDir(upload);
        Path tmp = newTmpPath();
        MessageDigest digest = sha256();
        long written;
        try (InputStream in = new DigestInputStream(content, digest)) {
            written = Files.copy(in, tmp);
        }
        if (written != length) {
            Files.deleteIfExists(tmp);
            throw new IOException("Part ended after " + written + " of " + length + " bytes");
        }
        String etag = HexFormat.of().formatHex(digest.digest(), 0, 16);
        Path target = dir.resolve(partFileName(partNumber, etag));
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException aborted) {
            Files.deleteIfExists(tmp);
            throw ProblemException.notFound("No such upload");
        }
        for (PartInfo earlier : parts(upload)) {
            if (earlier.partNumber() == partNumber && !earlier.etag().equals(quoted(etag))) {
                Files.deleteIfExists(dir.resolve(partFileName(partNumber, unquoted(earlier.etag()))));
            }
        }
        return new PartInfo(partNumber, quoted(etag), length);
    }

    @Override
    public List<PartInfo> parts(UploadInfo upload) {
        Path dir = uploadDir(upload);
        return names(dir).stream().map(PART_FILE::matcher).filter(Matcher::matches)
                .map(m -> new PartInfo(Integer.parseInt(m.group(1)), quoted(m.group(2)), size(dir.resolve(m.group()))))
                .sorted(Comparator.comparingInt(PartInfo::partNumber))
                .toList();
    }

    @Override
    public StagedContent complete(UploadInfo upload, List<PartInfo> parts) throws IOException {
        Path dir = uploadDir(upload);
        UploadRecord record = readUpload(dir).orElseThrow(() -> ProblemException.notFound("No such upload"));
        Path staged = newStagingFile();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(staged, StandardOpenOption.CREATE_NEW)) {
            for (PartInfo part : parts) {
                size += Files.copy(dir.resolve(partFileName(part.partNumber(), unquoted(part.etag()))), out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
        removeTree(dir);
        return new EfsStaged(staged, size, new UploadDraft(record.filename(), record.storageClass(), record.isPublic()));
    }

    @Override
    public void abort(UploadInfo upload) {
        io(() -> removeTree(uploadDir(upload)));
    }

    @Override
    public List<UploadInfo> uploads(String ownerKey, int limit) {
        Path dir = path("uploads", ownerKey);
        return names(dir).stream().filter(name -> UUID_TEXT.matcher(name).matches()).sorted().limit(limit)
                .map(name -> readUpload(dir.resolve(name))
                        .map(r -> new UploadInfo(r.uploadId(), ownerKey, r.initiatedAt(), name)))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public int removeStale(Instant cutoff) {
        int removed = 0;
        for (String owner : names(path("uploads"))) {
            for (String upload : names(path("uploads", owner))) {
                Path dir = path("uploads", owner, upload);
                Instant started = readUpload(dir).map(UploadRecord::initiatedAt).orElseGet(() -> modified(dir));
                if (started.isBefore(cutoff)) {
                    io(() -> removeTree(dir));
                    removed++;
                }
            }
        }
        for (String area : List.of("staging", "tmp")) {
            for (String name : names(path(area))) {
                Path entry = path(area, name);
                if (modified(entry).isBefore(cutoff)) {
                    io(() -> removeTree(entry));
                    removed++;
                }
            }
        }
        return removed;
    }

    // ---- presigned URLs: an NFS mount has no URL to hand out --------------------------------------------------------

    @Override
    public PresignedRequest presignDownload(MediaInfo version, String contentDisposition, Duration expiry) {
        throw MediaProblems.notSupported("Presigned URLs", name());
    }

    @Override
    public PresignedRequest presignUpload(String ownerKey, UUID uploadId, AllowedType type, long length,
            UploadDraft draft, Duration expiry) {
        throw MediaProblems.notSupported("Presigned URLs", name());
    }

    @Override
    public Optional<StagedContent> findPresignedUpload(String ownerKey, UUID uploadId) {
        throw MediaProblems.notSupported("Presigned URLs", name());
    }

    @Override
    public PresignedRequest presignPart(UploadInfo upload, int partNumber, Duration expiry) {
        throw MediaProblems.notSupported("Presigned URLs", name());
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private Path root() {
        return config.efs().root().toAbsolutePath().normalize();
    }

    /** A path below the root; the check is a second line of defence, as every segment is server-made. */
    private Path path(String... segments) {
        Path root = root();
        Path path = root;
        for (String segment : segments) {
            path = path.resolve(segment);
        }
        path = path.normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Path outside the media root");
        }
        return path;
    }

    private Path uploadDir(UploadInfo upload) {
        return path("uploads", upload.ownerKey(), upload.uploadId().toString());
    }

    private void publishVersion(UUID id, Path work, VersionRecord record) throws IOException {
        json.writeValue(work.resolve(META).toFile(), record);
        Path itemDir = path("media", id.toString());
        Files.createDirectories(itemDir);
        Files.move(work, itemDir.resolve(record.versionId()), StandardCopyOption.ATOMIC_MOVE);
    }

    private void listUnderOwner(String owner, UUID id) throws IOException {
        Path marker = path("owners", OwnerKey.of(owner), id.toString());
        Files.createDirectories(marker.getParent());
        try {
            Files.createFile(marker);
        } catch (FileAlreadyExistsException listed) {
            // already listed
        }
    }

    /** Keeps the newest {@code max-versions} entries of an item. */
    private void prune(UUID id) {
        List<String> ids = versionIds(id);
        for (String old : ids.subList(Math.min(ids.size(), config.efs().maxVersions()), ids.size())) {
            io(() -> removeTree(path("media", id.toString(), old)));
        }
    }

    /** Version ids of an item, newest first. */
    private List<String> versionIds(UUID id) {
        return names(path("media", id.toString())).stream().filter(name -> UUID_TEXT.matcher(name).matches())
                .sorted(Comparator.reverseOrder()).toList();
    }

    private Optional<VersionRecord> read(UUID id, String versionId) {
        Path meta = path("media", id.toString(), versionId, META);
        try {
            return Optional.of(json.readValue(meta.toFile(), VersionRecord.class));
        } catch (IOException missingOrPruned) {
            return Optional.empty();
        }
    }

    private Optional<UploadRecord> readUpload(Path dir) {
        try {
            return Optional.of(json.readValue(dir.resolve(UPLOAD).toFile(), UploadRecord.class));
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    private static Optional<MediaInfo> info(UUID id, VersionRecord r) {
        if (r.deleteMarker()) {
            return Optional.empty();
        }
        return AllowedType.ofMimeType(r.contentType()).map(type -> new MediaInfo(id, r.versionId(), r.owner(), type,
                r.size(), r.sha256(), r.filename(), r.createdAt(), r.modifiedAt(), r.isPublic(),
                StorageClassOption.STANDARD.name()));
    }

    private Path newStagingFile() throws IOException {
        Path dir = path("staging");
        Files.createDirectories(dir);
        return dir.resolve(Ids.next().toString());
    }

    private Path newWorkDir() throws IOException {
        Path dir = newTmpPath();
        Files.createDirectories(dir);
        return dir;
    }

    private Path newTmpPath() throws IOException {
        Files.createDirectories(path("tmp"));
        return path("tmp", Ids.next().toString());
    }

    /** Renames a tree out of sight first, so nobody ever reads it half-deleted. */
    private void removeTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Path doomed = newTmpPath();
        try {
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return;
        }
        try (Stream<Path> walk = Files.walk(doomed)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (NoSuchFileException none) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException gone) {
            return Instant.MAX;
        }
    }

    private static String partFileName(int partNumber, String etag) {
        return "part-%05d-%s".formatted(partNumber, etag);
    }

    private static String quoted(String etag) {
        return '"' + etag + '"';
    }

    private static String unquoted(String etag) {
        return etag.replace("\"", "");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads at most {@code remaining} bytes: the end of a range. */
    private static final class BoundedStream extends InputStream {

        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
