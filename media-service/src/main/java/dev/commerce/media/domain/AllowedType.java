package dev.commerce.media.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The content types media may have, each recognised by the signature at the start of its bytes. What a client
 * declares is never trusted on its own: the bytes decide, and anything else is refused.
 */
public enum AllowedType {

    JPEG("image/jpeg", "jpg") {
        @Override
        boolean matches(byte[] head, int length) {
            return startsWith(head, length, 0, 0xFF, 0xD8, 0xFF);
        }
    },
    PNG("image/png", "png") {
        @Override
        boolean matches(byte[] head, int length) {
            return startsWith(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        }
    },
    GIF("image/gif", "gif") {
        @Override
        boolean matches(byte[] head, int length) {
            return ascii(head, length, 0, "GIF87a") || ascii(head, length, 0, "GIF89a");
        }
    },
    WEBP("image/webp", "webp") {
        @Override
        boolean matches(byte[] head, int length) {
            return ascii(head, length, 0, "RIFF") && ascii(head, length, 8, "WEBP");
        }
    },
    PDF("application/pdf", "pdf") {
        @Override
        boolean matches(byte[] head, int length) {
            return ascii(head, length, 0, "%PDF-");
        }
    },
    MP4("video/mp4", "mp4") {
        @Override
        boolean matches(byte[] head, int length) {
            // ISO base media file: a leading "ftyp" box whose major brand is an MP4 one (not QuickTime, HEIF, 3GP...).
            return ascii(head, length, 4, "ftyp") && length >= 12
                    && MP4_BRANDS.contains(new String(head, 8, 4, StandardCharsets.US_ASCII));
        }
    };

    /** Bytes needed to recognise every type. */
    public static final int SIGNATURE_BYTES = 16;

    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "dash", "M4V ", "MSNV");

    private final String mimeType;
    private final String extension;

    AllowedType(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    abstract boolean matches(byte[] head, int length);

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** The type whose signature the first bytes carry, if it is an allowed one. */
    public static Optional<AllowedType> sniff(byte[] head, int length) {
        return Arrays.stream(values()).filter(type -> type.matches(head, length)).findFirst();
    }

    /** The allowed type of a declared content type such as {@code image/png; charset=x}, if it is one. */
    public static Optional<AllowedType> ofMimeType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim();
        return Arrays.stream(values()).filter(type -> type.mimeType.equalsIgnoreCase(bare)).findFirst();
    }

    private static boolean startsWith(byte[] head, int length, int offset, int... expected) {
        if (length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int length, int offset, String expected) {
        return startsWith(head, length, offset, expected.chars().toArray());
    }
}
