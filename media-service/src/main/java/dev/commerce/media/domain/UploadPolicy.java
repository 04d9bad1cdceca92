package dev.commerce.media.domain;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.ProblemException;
import dev.commerce.media.config.MediaConfig;
import dev.commerce.media.store.MediaStore;

/** What an upload or URL request may ask for, checked before any byte is read. */
@ApplicationScoped
public class UploadPolicy {

    private final MediaStore store;
    private final MediaConfig config;

    public UploadPolicy(MediaStore store, MediaConfig config) {
        this.store = store;
        this.config = config;
    }

    public void check(Caller caller, UploadDraft draft) {
        if (draft.isPublic() && !caller.admin()) {
            throw MediaProblems.forbidden("Only admins publish media (public=true)");
        }
        checkStorageClass(draft);
    }

    public void checkStorageClass(UploadDraft draft) {
        if (draft.storageClass() != StorageClassOption.STANDARD && !store.supportsStorageClasses()) {
            throw MediaProblems.notSupported("Storage class " + draft.storageClass(), store.name());
        }
    }

    public void requirePresignedUrls() {
        if (!store.supportsPresignedUrls()) {
            throw MediaProblems.notSupported("Presigned URLs", store.name());
        }
    }

    /** The lifetime of a presigned URL: the default, or what was asked within the maximum. */
    public Duration expiry(Integer expiresInSeconds) {
        if (expiresInSeconds == null) {
            return config.presign().defaultExpiry();
        }
        Duration max = config.presign().maxExpiry();
        if (expiresInSeconds < 1 || expiresInSeconds > max.toSeconds()) {
            throw ProblemException.invalidField("expiresInSeconds", "must be between 1 and " + max.toSeconds());
        }
        return Duration.ofSeconds(expiresInSeconds);
    }

    public long maxUploadSize() {
        return config.upload().maxSize().asLongValue();
    }
}
