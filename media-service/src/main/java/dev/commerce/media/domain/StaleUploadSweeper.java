package dev.commerce.media.domain;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.commerce.media.config.MediaConfig;
import dev.commerce.media.store.MediaStore;
import io.quarkus.scheduler.Scheduled;

/**
 * Aborts multipart uploads nobody completed and removes staging leftovers (an unfinalized presigned upload, the
 * staging object of an instance that died mid-request). In AWS the bucket's lifecycle rule is the second net.
 */
@ApplicationScoped
public class StaleUploadSweeper {

    private static final Logger LOG = Logger.getLogger(StaleUploadSweeper.class);

    private final MediaStore store;
    private final MediaConfig config;
    private final MediaMetrics metrics;

    public StaleUploadSweeper(MediaStore store, MediaConfig config, MediaMetrics metrics) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
    }

    // The first run waits a minute: start-up (and, in dev, creating the bucket) comes first.
    @Scheduled(identity = "stale-upload-sweep", every = "${media.multipart.sweep-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        sweep(Instant.now().minus(config.multipart().staleAfter()));
    }

    /** Removes what was started before {@code cutoff}; returns how many uploads and objects went. */
    public int sweep(Instant cutoff) {
        int removed = store.removeStale(cutoff);
        if (removed > 0) {
            LOG.infof("Removed %d stale uploads and staging objects older than %s", removed, cutoff);
        }
        metrics.staleRemoved(removed);
        return removed;
    }
}
