package dev.commerce.media.domain;

/** One uploaded part of a multipart upload; {@code etag} names exactly these bytes. */
public record PartInfo(int partNumber, String etag, long size) {
}
