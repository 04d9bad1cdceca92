package dev.commerce.media.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single byte range of a representation of known size, inclusive at both ends (RFC 9110 section 14).
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    public long length() {
        return last - first + 1;
    }

    /** The value of a Content-Range header for this range of a {@code size}-byte representation. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The value for an S3 Range header. */
    public String header() {
        return "bytes=" + first + "-" + last;
    }

    /** What a Range header asks of a {@code size}-byte representation. */
    public sealed interface Request {
    }

    /** Serve the whole representation: no Range header, or one this server ignores (other units, several ranges). */
    public record Whole() implements Request {
    }

    public record Partial(ByteRange range) implements Request {
    }

    /** The range lies wholly outside the representation: 416. */
    public record Unsatisfiable() implements Request {
    }

    public static Request parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        Optional<Long> first = number(m.group(1));
        Optional<Long> last = number(m.group(2));
        if (first.isEmpty()) {
            long suffix = last.orElseThrow();
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        if (last.isPresent() && last.get() < first.get()) {
            return new Whole();
        }
        if (first.get() >= size) {
            return new Unsatisfiable();
        }
        return new Partial(new ByteRange(first.get(), Math.min(last.orElse(size - 1), size - 1)));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException tooBig) {
            return Optional.of(Long.MAX_VALUE);
        }
    }
}
