package dev.commerce.media.config;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;

/** media.* settings; every one can be overridden by environment variable (see application.properties). */
@ConfigMapping(prefix = "media")
public interface MediaConfig {

    /** Where media objects live. */
    StoreKind store();

    /** The S3 bucket (s3 mode). */
    String bucket();

    /** Create the bucket, with versioning, when it is missing (dev and test); Terraform owns it in AWS. */
    boolean createBucket();

    Efs efs();

    interface Efs {
        /** The directory of the EFS access-point mount (efs mode). */
        Path root();
    }

    enum StoreKind {
        S3,
        EFS
    }
}
