package dev.commerce.catalog.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** catalog.* settings; every one can be overridden by environment variable (see application.properties). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** The single DynamoDB table of the catalog. */
    String table();

    /** Create the table, its indexes, stream and TTL when missing (dev and test); Terraform owns them in AWS. */
    boolean createTable();

    /** Upper bound of one DynamoDB call made on behalf of a request. */
    Duration requestTimeout();

    /** Read products with strongly consistent reads when a request does not ask for one itself. */
    boolean consistentReads();

    Writes writes();

    Reservations reservations();

    Sweeper sweeper();

    Stream stream();

    BatchGet batchGet();

    Media media();

    interface Writes {

        /** Attempts of one write when transactions conflict, requests are throttled, or stock moves underneath. */
        int maxAttempts();

        /** First back-off between attempts; doubles per attempt, with full jitter. */
        Duration retryBaseDelay();
    }

    interface Reservations {

        /** How long reserved stock is held for an order before the sweeper returns it. */
        Duration hold();

        /** How long a committed or released reservation is kept (for replays and cancellations) before TTL purges it. */
        Duration retention();
    }

    interface Sweeper {

        boolean enabled();

        /** How often expired reservations are looked for. */
        Duration interval();

        /** Reservations read per index query page. */
        int pageSize();
    }

    interface Stream {

        /** Consume the table's stream (category counts, snapshot invalidation). */
        boolean enabled();

        Duration pollInterval();

        /** How long the consumer lease lasts without renewal; another instance takes over after it lapses. */
        Duration leaseDuration();

        /** How long shard checkpoints are kept after their last write (streams keep records for 24 hours). */
        Duration checkpointRetention();
    }

    interface BatchGet {

        /** Attempts to read keys DynamoDB left unprocessed (throttling, 16 MB response limit). */
        int maxAttempts();

        /** First back-off before re-reading unprocessed keys; doubles per attempt, with full jitter. */
        Duration baseDelay();
    }

    interface Media {

        /** Media ids one product may carry. */
        int maxPerProduct();
    }
}
