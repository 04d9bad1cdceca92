package dev.commerce.session.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Reads the service's own counters, to see inside without mocking anything. */
public final class Metrics {

    private Metrics() {
    }

    public static double snapshots(MeterRegistry registry, String outcome) {
        Counter counter = registry.find("session.snapshots").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
