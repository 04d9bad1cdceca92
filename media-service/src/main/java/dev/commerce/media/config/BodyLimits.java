package dev.commerce.media.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * The HTTP server's body limit is the hard ceiling for every request; the media limits (direct upload, one part)
 * are the ones clients meet, answered with a 413 problem and a clean store. Start-up fails when the ceiling is
 * below them, as such uploads would be cut off by the server instead.
 */
@ApplicationScoped
public class BodyLimits {

    void check(@Observes StartupEvent event, MediaConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverLimit) {
        long needed = Math.max(config.upload().maxSize().asLongValue(), config.multipart().maxPartSize().asLongValue());
        if (serverLimit.isPresent() && serverLimit.get().asLongValue() < needed) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + serverLimit.get().asLongValue()
                    + " bytes) is below media.upload.max-size / media.multipart.max-part-size (" + needed
                    + " bytes); raise MEDIA_HTTP_MAX_BODY_SIZE");
        }
    }
}
