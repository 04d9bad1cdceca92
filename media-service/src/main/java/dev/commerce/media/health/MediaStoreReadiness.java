package dev.commerce.media.health;

import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.commerce.media.config.MediaConfig;
import io.smallrye.common.annotation.Blocking;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready when the configured store answers: the bucket exists (s3) or the mount is a writable directory (efs). */
@Readiness
@Blocking
@ApplicationScoped
public class MediaStoreReadiness implements HealthCheck {

    private static final String NAME = "media-store";

    private final S3Client s3;
    private final MediaConfig config;

    public MediaStoreReadiness(S3Client s3, MediaConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("store", config.store().name().toLowerCase());
        try {
            boolean up = switch (config.store()) {
                case S3 -> {
                    s3.headBucket(b -> b.bucket(config.bucket()));
                    yield true;
                }
                case EFS -> Files.isDirectory(config.efs().root()) && Files.isWritable(config.efs().root());
            };
            return response.status(up).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
