package dev.commerce.backends;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Credentials for local engines are made at run time; none is ever written into the repository. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
