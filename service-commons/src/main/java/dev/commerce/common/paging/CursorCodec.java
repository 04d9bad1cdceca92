package dev.commerce.common.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.commerce.common.api.ProblemException;
import io.quarkus.runtime.LaunchMode;

/**
 * Opaque, tamper-proof pagination cursors: the keyset position a service hands out is signed with HMAC-SHA256,
 * so a client can neither read meaning into it nor forge one to skip authorization filters.
 * <p>
 * The key comes from {@code CURSOR_SIGNING_KEY}; without one a random key is made at start-up, which is fine for
 * a single instance but makes cursors unusable across instances or restarts.
 */
@ApplicationScoped
public class CursorCodec {

    private static final Logger LOG = Logger.getLogger(CursorCodec.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int SIGNATURE_BYTES = 16;
    private static final int MAX_CURSOR_LENGTH = 2048;

    private final SecretKeySpec key;

    @Inject
    public CursorCodec(@ConfigProperty(name = "commerce.cursor.signing-key") Optional<String> signingKey) {
        this.key = new SecretKeySpec(signingKey.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(CursorCodec::randomKey),
                "HmacSHA256");
        if (signingKey.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("CURSOR_SIGNING_KEY is not set: pagination cursors are valid only on this instance until it restarts");
        }
    }

    public String encode(String position) {
        byte[] payload = position.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** @throws ProblemException 400 when the cursor was not made by this service (or was altered) */
    public String decode(String cursor) {
        if (cursor == null || cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalid();
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw invalid();
            }
            return new String(payload, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedBase64) {
            throw invalid();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalidField("cursor", "is not a cursor issued by this service");
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
