package dev.commerce.media.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.Problem;
import dev.commerce.common.api.ProblemException;
import dev.commerce.media.config.MediaConfig;
import dev.commerce.media.store.MediaStore;
import dev.commerce.media.store.StagedContent;

/**
 * Large uploads in parts: initiate, send parts (through the service, or straight to S3 with presigned part URLs),
 * complete with the list of parts, or abort. Uploads belong to the caller who started them; nobody else can see or
 * touch them. Completed content is checked like any other upload before it becomes a media item.
 */
@ApplicationScoped
public class MultipartUploads {

    /** S3's limit, kept on EFS too so clients behave the same on both. */
    public static final int MAX_PARTS = 10_000;
    private static final int LIST_LIMIT = 100;

    private final MediaStore store;
    private final ContentIntake intake;
    private final UploadPolicy policy;
    private final MediaConfig config;

    public MultipartUploads(MediaStore store, ContentIntake intake, UploadPolicy policy, MediaConfig config) {
        this.store = store;
        this.intake = intake;
        this.policy = policy;
        this.config = config;
    }

    public UploadInfo initiate(Caller caller, UploadDraft draft) {
        policy.check(caller, draft);
        return store.initiate(caller.ownerKey(), draft);
    }

    public List<UploadInfo> list(Caller caller) {
        return store.uploads(caller.ownerKey(), LIST_LIMIT);
    }

    public PartInfo uploadPart(Caller caller, UUID uploadId, int partNumber, InputStream body, OptionalLong length) {
        if (length.isEmpty()) {
            throw MediaProblems.lengthRequired();
        }
        long max = config.multipart().maxPartSize().asLongValue();
        if (length.getAsLong() > max) {
            throw MediaProblems.tooLarge(max);
        }
        if (length.getAsLong() == 0) {
            throw MediaProblems.empty();
        }
        UploadInfo upload = find(caller, uploadId);
        InspectedStream in = null;
        try {
            in = InspectedStream.of(body, length.getAsLong());
            return store.uploadPart(upload, partNumber, in, length.getAsLong());
        } catch (IOException | RuntimeException e) {
            // A client that stops sending mid-part surfaces here however the store wraps it; anything else is the store's.
            if (in == null || in.bodyFailed()) {
                throw MediaProblems.interrupted();
            }
            throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
        }
    }

    public PresignedRequest partUrl(Caller caller, UUID uploadId, int partNumber, Integer expiresInSeconds) {
        policy.requirePresignedUrls();
        return store.presignPart(find(caller, uploadId), partNumber, policy.expiry(expiresInSeconds));
    }

    public List<PartInfo> parts(Caller caller, UUID uploadId) {
        return store.parts(find(caller, uploadId));
    }

    /** Joins the named parts, checks the result and stores it as a new media item. */
    public MediaInfo complete(Caller caller, UUID uploadId, List<PartRef> requested) {
        UploadInfo upload = find(caller, uploadId);
        List<PartInfo> parts = validate(requested, store.parts(upload));
        StagedContent staged;
        try {
            staged = store.complete(upload, parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadDraft draft = staged.draft();
        return intake.checkIn("multipart", staged, VersionTarget.newItem(caller, draft));
    }

    /** Idempotent: aborting an upload that is gone is fine. */
    public void abort(Caller caller, UUID uploadId) {
        store.findUpload(caller.ownerKey(), uploadId).ifPresent(store::abort);
    }

    private UploadInfo find(Caller caller, UUID uploadId) {
        return store.findUpload(caller.ownerKey(), uploadId)
                .orElseThrow(() -> ProblemException.notFound("No such upload in progress"));
    }

    /**
     * The parts to join, in order: numbers strictly ascending, each one uploaded with exactly that ETag, all but the
     * last at least {@code media.multipart.min-part-size}.
     */
    private List<PartInfo> validate(List<PartRef> requested, List<PartInfo> uploaded) {
        long minPartSize = config.multipart().minPartSize().asLongValue();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<PartInfo> parts = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < requested.size(); i++) {
            PartRef ref = requested.get(i);
            String field = "parts[" + i + "]";
            if (ref.partNumber() <= previous) {
                errors.add(new Problem.FieldError(field + ".partNumber", "must be greater than the one before"));
                continue;
            }
            previous = ref.partNumber();
            Optional<PartInfo> part = uploaded.stream()
                    .filter(p -> p.partNumber() == ref.partNumber() && unquoted(p.etag()).equals(unquoted(ref.etag())))
                    .findFirst();
            if (part.isEmpty()) {
                errors.add(new Problem.FieldError(field + ".etag", "does not name an uploaded part"));
            } else if (i < requested.size() - 1 && part.get().size() < minPartSize) {
                errors.add(new Problem.FieldError(field, "is smaller than " + minPartSize + " bytes and not the last part"));
            } else {
                parts.add(part.get());
            }
        }
        if (!errors.isEmpty()) {
            throw MediaProblems.invalidParts(errors);
        }
        return parts;
    }

    private static String unquoted(String etag) {
        return etag == null ? "" : etag.replace("\"", "").strip();
    }
}
