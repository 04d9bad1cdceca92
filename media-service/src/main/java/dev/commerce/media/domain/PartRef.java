package dev.commerce.media.domain;

/** A part named by the client when completing an upload: its number and the ETag it got for it. */
public record PartRef(int partNumber, String etag) {
}
