package dev.commerce.media.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** Largest JSON request body (a complete request lists up to 10,000 parts); larger ones get 413 unread. */
    MemorySize maxJsonBody();

    Efs efs();

    Upload upload();

    Multipart multipart();

    Presign presign();

    S3 s3();

    interface Efs {
        /** The directory of the EFS access-point mount (efs mode). */
        Path root();

        /** Versions (and delete markers) kept per media item; older ones are removed. */
        int maxVersions();
    }

    interface Upload {
        /** Largest body of a direct upload, a content replacement or a presigned upload. */
        MemorySize maxSize();
    }

    interface Multipart {
        /** Smallest part but the last (S3's own rule is 5 MiB). */
        MemorySize minPartSize();

        /** Largest part sent through the service. */
        MemorySize maxPartSize();

        /** Incomplete uploads (and unfinished staging objects) older than this are removed by the sweeper. */
        Duration staleAfter();

        /** How often the sweeper runs, e.g. {@code 1h}; {@code off} disables it. */
        String sweepInterval();
    }

    interface Presign {
        /** Lifetime of a presigned URL when the caller does not ask for one. */
        Duration defaultExpiry();

        /** Longest lifetime a caller may ask for. */
        Duration maxExpiry();
    }

    interface S3 {
        /** Part size when a body of unknown length is streamed to S3 as a multipart upload (memory per such upload). */
        MemorySize partSize();

        /** Part buffers shared by all uploads of unknown length; when all are in use such uploads get 503. */
        int uploadBuffers();

        /** Server-side encryption to request on every write; absent leaves it to the bucket default. */
        Optional<ServerSideEncryptionMode> sse();

        /** KMS key for aws:kms encryption (implies it); absent uses the bucket's or the AWS-managed key. */
        Optional<String> kmsKeyId();

        /** Objects larger than this are copied part by part (a single CopyObject stops at 5 GiB). */
        MemorySize multipartCopyThreshold();

        /** Part size of such a copy. */
        MemorySize copyPartSize();
    }

    enum StoreKind {
        S3,
        EFS
    }

    enum ServerSideEncryptionMode {
        AES256,
        AWS_KMS
    }
}
