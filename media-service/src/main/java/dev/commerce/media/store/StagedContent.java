package dev.commerce.media.store;

import java.util.Optional;

import dev.commerce.media.domain.UploadDraft;

/**
 * Bytes that have fully arrived in the store but are not yet a version of any media item: nothing reads them until
 * they are checked and committed, and they are discarded otherwise.
 */
public interface StagedContent {

    long size();

    /** What the client asked for when it started the upload. */
    UploadDraft draft();

    /** The content type the client bound the upload to (presigned uploads), if any. */
    Optional<String> declaredContentType();
}
