package dev.commerce.media.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.ProblemException;
import dev.commerce.common.paging.CursorCodec;
import dev.commerce.common.paging.Page;
import dev.commerce.media.store.MediaStore;
import dev.commerce.media.store.Slice;

/**
 * Media items and their versions, as callers may see and change them. An item another customer owns is reported as
 * missing (404), never as forbidden, so ids cannot be probed; a public item is readable by every caller but changed
 * only by its owner or an admin.
 */
@ApplicationScoped
public class MediaLibrary {

    private final MediaStore store;
    private final ContentIntake intake;
    private final UploadPolicy policy;
    private final CursorCodec cursors;

    public MediaLibrary(MediaStore store, ContentIntake intake, UploadPolicy policy, CursorCodec cursors) {
        this.store = store;
        this.intake = intake;
        this.policy = policy;
        this.cursors = cursors;
    }

    public MediaInfo upload(Caller caller, InputStream body, OptionalLong length, String declaredType,
            UploadDraft draft) {
        policy.check(caller, draft);
        return intake.streamIn("direct", body, length, declaredType, draft, VersionTarget.newItem(caller, draft));
    }

    /** A new version with new content; {@code ifMatch} must name the current content (its ETag). */
    public MediaInfo replace(Caller caller, UUID id, String ifMatch, InputStream body, OptionalLong length,
            String declaredType, String filename, String storageClass) {
        MediaInfo current = modifiable(caller, id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("Send If-Match with the ETag of the content you replace");
        }
        if (!matches(ifMatch, current)) {
            throw ProblemException.preconditionFailed("The content has changed since it was read");
        }
        StorageClassOption storageClassOption = storageClass == null
                ? StorageClassOption.ofStored(current.storageClass())
                : StorageClassOption.parse("storageClass", storageClass);
        UploadDraft draft = new UploadDraft(filename != null ? filename : current.filename(), storageClassOption,
                current.isPublic());
        policy.checkStorageClass(draft);
        return intake.streamIn("replace", body, length, declaredType, draft,
                VersionTarget.replacing(current, filename, storageClassOption));
    }

    /** The current version, or the given one, if the caller may read it. */
    public MediaInfo readable(Caller caller, UUID id, Optional<String> versionId) {
        Optional<MediaInfo> media = versionId.isPresent()
                ? ownedOrVisible(caller, id).flatMap(any -> store.findVersion(id, versionId.get()))
                : store.find(id);
        return media.filter(caller::canRead).orElseThrow(MediaProblems::notFound);
    }

    public InputStream open(MediaInfo media, ByteRange range) {
        try {
            return store.open(media, range);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caller's own items; an admin may name another owner. */
    public Page<MediaInfo> list(Caller caller, String owner, String cursor, int limit) {
        if (owner != null && !caller.admin() && !owner.equals(caller.subject())) {
            throw MediaProblems.forbidden("Only admins list another owner's media");
        }
        String ownerKey = OwnerKey.of(owner != null ? owner : caller.subject());
        String scope = "owned:" + ownerKey + ":";
        Slice<MediaInfo> slice = store.listOwned(ownerKey, position(cursor, scope), limit);
        return new Page<>(slice.items(), slice.next().map(next -> cursors.encode(scope + next)).orElse(null));
    }

    public Page<VersionInfo> versions(Caller caller, UUID id, String cursor, int limit) {
        modifiableHistory(caller, id);
        String scope = "versions:" + id + ":";
        Slice<VersionInfo> slice = store.versions(id, position(cursor, scope), limit);
        return new Page<>(slice.items(), slice.next().map(next -> cursors.encode(scope + next)).orElse(null));
    }

    /** Makes a copy of an earlier version current again (also undoing a delete). */
    public MediaInfo restore(Caller caller, UUID id, String versionId) {
        modifiableHistory(caller, id);
        MediaInfo version = store.findVersion(id, versionId)
                .orElseThrow(() -> ProblemException.notFound("No such version of this media item"));
        Optional<MediaInfo> current = store.find(id);
        if (current.isPresent() && current.get().versionId().equals(versionId)) {
            return current.get();
        }
        return store.restore(version);
    }

    public void delete(Caller caller, UUID id) {
        store.delete(modifiable(caller, id));
    }

    /** Removes the item and its whole history for good (admin). */
    public void purge(UUID id) {
        MediaInfo any = store.latestContent(id).orElseThrow(MediaProblems::notFound);
        store.purge(id, OwnerKey.of(any.owner()));
    }

    /** @param contentDisposition the Content-Disposition S3 is to answer with for this item */
    public PresignedRequest downloadUrl(Caller caller, UUID id, Optional<String> versionId, Integer expiresInSeconds,
            Function<MediaInfo, String> contentDisposition) {
        policy.requirePresignedUrls();
        Duration expiry = policy.expiry(expiresInSeconds);
        MediaInfo media = readable(caller, id, versionId);
        return store.presignDownload(media, contentDisposition.apply(media), expiry);
    }

    private MediaInfo modifiable(Caller caller, UUID id) {
        MediaInfo current = store.find(id).filter(caller::canRead).orElseThrow(MediaProblems::notFound);
        if (!caller.canModify(current)) {
            throw MediaProblems.forbidden("Only the owner or an admin may change this media item");
        }
        return current;
    }

    /** History is the owner's (or an admin's), also after the item was deleted. */
    private void modifiableHistory(Caller caller, UUID id) {
        MediaInfo latest = ownedOrVisible(caller, id).orElseThrow(MediaProblems::notFound);
        if (!caller.canModify(latest)) {
            throw MediaProblems.forbidden("Only the owner or an admin may see or change the history of this media item");
        }
    }

    private Optional<MediaInfo> ownedOrVisible(Caller caller, UUID id) {
        return store.latestContent(id).filter(caller::canRead);
    }

    private Optional<String> position(String cursor, String scope) {
        if (cursor == null) {
            return Optional.empty();
        }
        String position = cursors.decode(cursor);
        if (!position.startsWith(scope)) {
            throw ProblemException.invalidField("cursor", "belongs to another listing");
        }
        return Optional.of(position.substring(scope.length()));
    }

    private static boolean matches(String ifMatch, MediaInfo current) {
        return Arrays.stream(ifMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current.etag()));
    }
}
