package dev.commerce.media.domain;

/**
 * What the client asked for when it started an upload, kept until the bytes are in and checked.
 *
 * @param filename sanitised file name, or null
 */
public record UploadDraft(String filename, StorageClassOption storageClass, boolean isPublic) {
}
