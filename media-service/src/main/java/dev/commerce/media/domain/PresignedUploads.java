package dev.commerce.media.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.ProblemException;
import dev.commerce.media.store.MediaStore;
import dev.commerce.media.store.StagedContent;

/**
 * Uploads straight to S3: the service hands out a PUT URL bound to content type and length, the client sends the
 * bytes to S3, then asks the service to finalize. Finalizing reads the object back, checks it like any upload and
 * either makes it a media item or deletes it.
 */
@ApplicationScoped
public class PresignedUploads {

    private final MediaStore store;
    private final ContentIntake intake;
    private final UploadPolicy policy;

    public PresignedUploads(MediaStore store, ContentIntake intake, UploadPolicy policy) {
        this.store = store;
        this.intake = intake;
        this.policy = policy;
    }

    public record Ticket(UUID uploadId, PresignedRequest request) {
    }

    public Ticket create(Caller caller, String contentType, long contentLength, UploadDraft draft,
            Integer expiresInSeconds) {
        policy.requirePresignedUrls();
        policy.check(caller, draft);
        AllowedType type = AllowedType.ofMimeType(contentType)
                .orElseThrow(() -> MediaProblems.unsupportedType("Content type " + contentType + " is not allowed"));
        if (contentLength > policy.maxUploadSize()) {
            throw MediaProblems.tooLarge(policy.maxUploadSize());
        }
        UUID uploadId = Ids.next();
        return new Ticket(uploadId, store.presignUpload(caller.ownerKey(), uploadId, type, contentLength, draft,
                policy.expiry(expiresInSeconds)));
    }

    public MediaInfo finalizeUpload(Caller caller, UUID uploadId) {
        policy.requirePresignedUrls();
        StagedContent staged = store.findPresignedUpload(caller.ownerKey(), uploadId)
                .orElseThrow(() -> ProblemException.notFound("Nothing has been uploaded for this upload id"));
        if (staged.size() > policy.maxUploadSize() || (staged.draft().isPublic() && !caller.admin())) {
            store.discard(staged);
            throw MediaProblems.forbidden("The uploaded object does not match what this upload allows; it was deleted");
        }
        return intake.checkIn("presigned", staged, VersionTarget.newItem(caller, staged.draft()));
    }
}
