package dev.commerce.media.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.commerce.media.store.MediaStore;
import io.smallrye.common.annotation.Blocking;

/** Ready when the configured store answers: the bucket exists (s3) or the mount is a writable directory (efs). */
@Readiness
@Blocking
@ApplicationScoped
public class MediaStoreReadiness implements HealthCheck {

    private static final String NAME = "media-store";

    private final MediaStore store;

    public MediaStoreReadiness(MediaStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("store", store.name());
        try {
            return response.status(store.isReady()).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
