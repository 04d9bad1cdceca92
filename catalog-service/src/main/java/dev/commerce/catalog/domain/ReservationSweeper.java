package dev.commerce.catalog.domain;

import java.time.Instant;
import java.util.Iterator;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.commerce.catalog.config.CatalogConfig;
import dev.commerce.catalog.store.CatalogTable;
import dev.commerce.catalog.store.ReservationStore;
import io.quarkus.scheduler.Scheduled;

/**
 * Returns the stock of reservations whose hold ended without a commit. DynamoDB TTL would delete the records
 * only much later (hours to days) and without restocking, so this is what releases them; TTL merely purges old
 * records afterwards. Every instance may run it: each release is conditioned on the reservation still being
 * RESERVED, so a reservation is released once no matter how many sweepers find it.
 */
@ApplicationScoped
public class ReservationSweeper {

    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class);

    private final CatalogTable table;
    private final ReservationStore store;
    private final Reservations reservations;
    private final CatalogConfig config;

    public ReservationSweeper(CatalogTable table, ReservationStore store, Reservations reservations, CatalogConfig config) {
        this.table = table;
        this.store = store;
        this.reservations = reservations;
        this.config = config;
    }

    @Scheduled(identity = "reservation-sweeper", every = "${catalog.sweeper.interval}", delayed = "${catalog.sweeper.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (config.sweeper().enabled() && table.ready()) {
            int released = releaseExpired(Instant.now());
            if (released > 0) {
                LOG.infof("Released %d expired reservation(s)", released);
            }
        }
    }

    /**
     * Releases every RESERVED reservation whose hold ended before {@code cutoff}. Blocking (a worker thread).
     *
     * @return how many this call released
     */
    public int releaseExpired(Instant cutoff) {
        int released = 0;
        try (Stream<String> due = store.dueBefore(cutoff)) {
            for (Iterator<String> orderIds = due.iterator(); orderIds.hasNext();) {
                if (reservations.expire(orderIds.next(), cutoff).await().atMost(config.requestTimeout().multipliedBy(4))) {
                    released++;
                }
            }
        }
        return released;
    }
}
