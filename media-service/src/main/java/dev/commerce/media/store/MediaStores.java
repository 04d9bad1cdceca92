package dev.commerce.media.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.commerce.media.config.MediaConfig;

/** Picks the store named by {@code media.store} at start-up; the other one is never used. */
@ApplicationScoped
public class MediaStores {

    @Produces
    @ApplicationScoped
    MediaStore selected(MediaConfig config, S3MediaStore s3, EfsMediaStore efs) {
        return switch (config.store()) {
            case S3 -> s3;
            case EFS -> efs;
        };
    }
}
