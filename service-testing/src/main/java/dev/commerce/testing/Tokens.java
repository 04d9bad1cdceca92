package dev.commerce.testing;

import java.time.Duration;
import java.time.Instant;

import dev.commerce.common.auth.Roles;
import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens for tests, signed with the key the local-backends extension generated for this test run
 * ({@code smallrye.jwt.sign.key.location}), so the service under test verifies them like real ones.
 */
public final class Tokens {

    public static final String ISSUER = "https://commerce.local";

    private Tokens() {
    }

    public static String customer(String subject) {
        return token(subject, Roles.CUSTOMER);
    }

    public static String admin() {
        return token("admin-1", Roles.ADMIN);
    }

    public static String service() {
        return token("order-service", Roles.SERVICE);
    }

    public static String token(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(java.util.Set.of(roles))
                .expiresAt(Instant.now().plus(Duration.ofMinutes(10))).sign();
    }

    public static String expired(String subject, String role) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(role)
                .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
