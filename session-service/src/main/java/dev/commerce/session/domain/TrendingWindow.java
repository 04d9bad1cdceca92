package dev.commerce.session.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A window of the leaderboard and the buckets it is read from: the bucket holding now plus enough earlier ones to
 * cover the window, so a window covers between its length and its length plus one bucket.
 */
public enum TrendingWindow {

    LAST_HOUR("1h", Duration.ofHours(1), Duration.ofMinutes(5)),
    LAST_DAY("24h", Duration.ofHours(24), Duration.ofHours(1));

    private final String label;
    private final Duration length;
    private final Duration bucket;

    TrendingWindow(String label, Duration length, Duration bucket) {
        this.label = label;
        this.length = length;
        this.bucket = bucket;
    }

    public static Optional<TrendingWindow> of(String label) {
        return Arrays.stream(values()).filter(window -> window.label.equals(label)).findFirst();
    }

    public String label() {
        return label;
    }

    /** Name of this window's bucket series in keys, e.g. "5m". */
    public String resolution() {
        return bucket.toHours() > 0 ? bucket.toHours() + "h" : bucket.toMinutes() + "m";
    }

    public long bucketAt(long epochMillis) {
        return epochMillis / bucket.toMillis();
    }

    /** Earlier buckets read together with the current one. */
    public int previousBuckets() {
        return (int) (length.toMillis() / bucket.toMillis());
    }

    /** A bucket is kept as long as some window read may still include it. */
    public Duration bucketTtl() {
        return length.plus(bucket.multipliedBy(2));
    }
}
