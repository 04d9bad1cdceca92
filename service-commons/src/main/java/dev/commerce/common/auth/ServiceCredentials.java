package dev.commerce.common.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;

/**
 * The bearer token this service presents on internal calls (role {@code service}).
 * <ul>
 * <li>{@code SERVICE_TOKEN}: a token issued by the identity provider (e.g. a Cognito client-credentials token
 * refreshed by the platform), used as is.</li>
 * <li>Otherwise, when a signing key is configured ({@code smallrye.jwt.sign.key.location}, as in dev, tests and
 * the local stack), a short-lived token is minted and renewed a minute before it expires.</li>
 * </ul>
 */
@ApplicationScoped
public class ServiceCredentials {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private final Optional<String> staticToken;
    private final Optional<String> signingKey;
    private final String issuer;
    private final String serviceName;
    private volatile String minted;
    private volatile Instant mintedExpiry = Instant.EPOCH;

    @Inject
    public ServiceCredentials(@ConfigProperty(name = "commerce.service-token") Optional<String> staticToken,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKey,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.staticToken = staticToken;
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.serviceName = serviceName;
    }

    /** The value of the Authorization header for an internal call. */
    public String authorization() {
        return "Bearer " + token();
    }

    private String token() {
        if (staticToken.isPresent()) {
            return staticToken.get();
        }
        if (signingKey.isEmpty()) {
            throw new IllegalStateException("No service credentials: set SERVICE_TOKEN (or a signing key for local runs)");
        }
        if (Instant.now().isAfter(mintedExpiry.minus(RENEW_BEFORE))) {
            synchronized (this) {
                if (Instant.now().isAfter(mintedExpiry.minus(RENEW_BEFORE))) {
                    Instant expiry = Instant.now().plus(LIFETIME);
                    minted = Jwt.issuer(issuer).subject(serviceName).upn(serviceName)
                            .groups(Roles.SERVICE).expiresAt(expiry).sign();
                    mintedExpiry = expiry;
                }
            }
        }
        return minted;
    }
}
