package dev.commerce.media.store;

import dev.commerce.media.domain.StorageClassOption;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads and writes outside the REST endpoints, kept for reflection in a native executable: the
 * metadata files of the EFS store (meta.json of a version, upload.json of a multipart upload).
 */
@RegisterForReflection(targets = {
        EfsMediaStore.VersionRecord.class, EfsMediaStore.UploadRecord.class, StorageClassOption.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
