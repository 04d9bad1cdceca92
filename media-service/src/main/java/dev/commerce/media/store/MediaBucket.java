package dev.commerce.media.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.commerce.media.config.MediaConfig;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** The media bucket: created with versioning at start-up in dev and test when missing, left alone in AWS. */
@ApplicationScoped
public class MediaBucket {

    private static final Logger LOG = Logger.getLogger(MediaBucket.class);

    private final S3Client s3;
    private final MediaConfig config;

    public MediaBucket(S3Client s3, MediaConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.store() == MediaConfig.StoreKind.S3 && config.createBucket() && !exists()) {
            s3.createBucket(b -> b.bucket(config.bucket()));
            s3.waiter().waitUntilBucketExists(b -> b.bucket(config.bucket()));
            s3.putBucketVersioning(b -> b.bucket(config.bucket())
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            LOG.infof("Created S3 bucket %s with versioning", config.bucket());
        }
    }

    public String name() {
        return config.bucket();
    }

    private boolean exists() {
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        }
    }
}
