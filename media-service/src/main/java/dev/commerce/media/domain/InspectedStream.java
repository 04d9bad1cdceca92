package dev.commerce.media.domain;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A body read exactly once on its way to the store: the first bytes are looked at for the content type before
 * anything is written, every byte goes through SHA-256, and reading past the size limit fails at once, so an
 * oversized body is never stored whole.
 */
public final class InspectedStream extends InputStream {

    private final InputStream body;
    private final long maxBytes;
    private final MessageDigest sha256;
    private final byte[] head = new byte[AllowedType.SIGNATURE_BYTES];
    private final int headLength;
    private int headPosition;
    private long count;
    private boolean tooLarge;
    private boolean bodyFailed;

    private InspectedStream(InputStream body, long maxBytes) throws IOException {
        this.body = body;
        this.maxBytes = maxBytes;
        this.sha256 = newSha256();
        this.headLength = readHead();
    }

    /** Reads the first bytes of {@code body}; nothing more is read until the stream is. */
    public static InspectedStream of(InputStream body, long maxBytes) throws IOException {
        return new InspectedStream(body, maxBytes);
    }

    /** The allowed type the body starts like, if any. */
    public Optional<AllowedType> sniffedType() {
        return AllowedType.sniff(head, headLength);
    }

    public boolean isEmpty() {
        return headLength == 0;
    }

    /** Whether the body went past the limit (reading then failed). */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** Whether reading the client's body itself failed (e.g. the client went away). */
    public boolean bodyFailed() {
        return bodyFailed;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** The hex SHA-256 of everything read; call once the stream is exhausted. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n;
        if (headPosition < headLength) {
            n = Math.min(length, headLength - headPosition);
            System.arraycopy(head, headPosition, buffer, offset, n);
            headPosition += n;
        } else {
            n = readBody(buffer, offset, length);
            if (n < 0) {
                return -1;
            }
        }
        count += n;
        if (count > maxBytes) {
            tooLarge = true;
            throw new IOException("Body exceeds " + maxBytes + " bytes");
        }
        sha256.update(buffer, offset, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    private int readHead() throws IOException {
        int n = 0;
        while (n < head.length) {
            int read = readBody(head, n, head.length - n);
            if (read < 0) {
                break;
            }
            n += read;
        }
        return n;
    }

    private int readBody(byte[] buffer, int offset, int length) throws IOException {
        try {
            return body.read(buffer, offset, length);
        } catch (IOException e) {
            bodyFailed = true;
            throw e;
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
