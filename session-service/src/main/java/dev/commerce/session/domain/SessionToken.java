package dev.commerce.session.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A session token: 256 random bits, base64url-encoded, handed to the client once. Redis keeps only its SHA-256;
 * the session id is the first half of that digest, so the token finds its session without being stored.
 */
public final class SessionToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int BYTES = 32;

    private final String value;
    private final byte[] digest;

    private SessionToken(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    public static SessionToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token in a request header, if it is well-formed; a malformed one cannot belong to any session. */
    public static Optional<SessionToken> parse(String header) {
        return header != null && FORMAT.matcher(header).matches() ? Optional.of(new SessionToken(header)) : Optional.empty();
    }

    public String value() {
        return value;
    }

    /** Hex SHA-256 of the token: the only form of it that is stored. */
    public String hash() {
        return HexFormat.of().formatHex(digest);
    }

    public String sessionId() {
        return HexFormat.of().formatHex(digest, 0, digest.length / 2);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SessionToken[" + sessionId() + "]";
    }
}
