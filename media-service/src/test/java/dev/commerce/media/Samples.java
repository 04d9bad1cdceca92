package dev.commerce.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Test content: real signatures of the allowed types (and some refused ones) followed by random bytes. */
public final class Samples {

    public static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

    private static final Random RANDOM = new Random(42);

    private Samples() {
    }

    public static byte[] png(int size) {
        return withHead(PNG_SIGNATURE, size);
    }

    public static byte[] jpeg(int size) {
        return withHead(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, size);
    }

    public static byte[] gif(int size) {
        return withHead(ascii("GIF89a"), size);
    }

    public static byte[] webp(int size) {
        return withHead(concat(ascii("RIFF"), new byte[] { 0x10, 0, 0, 0 }, ascii("WEBPVP8 ")), size);
    }

    public static byte[] pdf(int size) {
        return withHead(ascii("%PDF-1.7\n"), size);
    }

    public static byte[] mp4(int size) {
        return withHead(concat(new byte[] { 0, 0, 0, 0x18 }, ascii("ftypisom")), size);
    }

    /** QuickTime shares MP4's container but is not allowed. */
    public static byte[] quicktime(int size) {
        return withHead(concat(new byte[] { 0, 0, 0, 0x14 }, ascii("ftypqt  ")), size);
    }

    public static byte[] html() {
        return ascii("<!DOCTYPE html><html><script>alert(1)</script></html>");
    }

    public static byte[] svg() {
        return ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] withHead(byte[] head, int size) {
        byte[] bytes = new byte[Math.max(size, head.length)];
        synchronized (RANDOM) {
            RANDOM.nextBytes(bytes);
        }
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
