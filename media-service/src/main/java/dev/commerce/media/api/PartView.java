package dev.commerce.media.api;

import dev.commerce.media.domain.PartInfo;

/** An uploaded part; quote {@code etag} back when completing. */
public record PartView(int partNumber, String etag, long size) {

    static PartView of(PartInfo part) {
        return new PartView(part.partNumber(), part.etag(), part.size());
    }
}
