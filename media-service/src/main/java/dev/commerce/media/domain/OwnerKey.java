package dev.commerce.media.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The store-side name of an owner: a hash of the token subject. Keys and paths group an owner's items under it
 * without ever containing the subject itself, whatever characters the identity provider puts there.
 */
public final class OwnerKey {

    private OwnerKey() {
    }

    public static String of(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
