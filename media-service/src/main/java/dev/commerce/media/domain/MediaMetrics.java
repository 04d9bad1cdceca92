package dev.commerce.media.domain;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** Domain counters on /q/metrics: uploads by kind and outcome, bytes stored, downloads, swept leftovers. */
@ApplicationScoped
public class MediaMetrics {

    private final MeterRegistry registry;

    public MediaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param kind direct, replace, multipart or presigned; @param outcome stored or the problem slug */
    public void upload(String kind, String outcome, long bytes) {
        registry.counter("media.uploads", "kind", kind, "outcome", outcome).increment();
        if (bytes > 0) {
            DistributionSummary.builder("media.upload.size").baseUnit("bytes").tag("kind", kind)
                    .register(registry).record(bytes);
        }
    }

    /** @param kind full, partial or not-modified */
    public void download(String kind) {
        registry.counter("media.downloads", "kind", kind).increment();
    }

    public void staleRemoved(int count) {
        registry.counter("media.stale.removed").increment(count);
    }
}
