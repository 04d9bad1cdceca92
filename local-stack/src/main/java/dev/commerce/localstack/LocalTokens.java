package dev.commerce.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.commerce.backends.DevJwtKeys;
import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the shared local key pair ({@link DevJwtKeys#shared()}). */
public final class LocalTokens {

    private static final List<String> ROLES = List.of("customer", "admin", "service");

    private LocalTokens() {
    }

    public static String mint(String subject, String role, Duration lifetime) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of " + ROLES);
        }
        return Jwt.issuer(DevJwtKeys.ISSUER).subject(subject).upn(subject).groups(role)
                .expiresIn(lifetime).sign(privateKey(DevJwtKeys.shared()));
    }

    static String fromArgs(List<String> args) {
        String subject = "alice";
        String role = "customer";
        long hours = 12;
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            switch (kv[0]) {
                case "sub" -> subject = kv[1];
                case "role" -> role = kv[1];
                case "hours" -> hours = Long.parseLong(kv[1]);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return mint(subject, role, Duration.ofHours(hours));
    }

    private static PrivateKey privateKey(DevJwtKeys keys) {
        try {
            String pem = Files.readString(keys.privateKey());
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the local signing key " + keys.privateKey(), e);
        }
    }
}
