package dev.commerce.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.common.auth.Roles;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/**
 * What a service's packaged artifact (fast-jar here, the native executable with {@code -Pnative}) must do beyond
 * the platform endpoints: verify bearer tokens with the configured public key, and answer auth failures as
 * problem+json. A service's {@code PackagedApplicationIT} ({@code @QuarkusIntegrationTest}) extends it and adds a
 * round trip through its store.
 */
public abstract class PackagedApplicationContract extends PlatformEndpointsContract {

    /** A GET the caller of {@link #acceptedToken()} may make and an anonymous one may not. */
    protected abstract String protectedPath();

    /** A token the service accepts for {@link #protectedPath()}. */
    protected String acceptedToken() {
        return Tokens.customer("packaged-customer");
    }

    @Test
    void tokenSignedWithTheConfiguredKeyIsAccepted() {
        given().header("Authorization", Tokens.bearer(acceptedToken())).get(protectedPath())
                .then().statusCode(200);
    }

    @Test
    void missingTokenIsAnUnauthorizedProblem() {
        assertUnauthorized(given().get(protectedPath()));
    }

    @Test
    void expiredTokenIsAnUnauthorizedProblem() {
        assertUnauthorized(given().header("Authorization", Tokens.bearer(Tokens.expired("packaged-customer", Roles.CUSTOMER)))
                .get(protectedPath()));
    }

    @Test
    void tokenSignedWithAnotherKeyIsAnUnauthorizedProblem() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        String forged = Jwt.issuer(Tokens.ISSUER).subject("packaged-customer").upn("packaged-customer")
                .groups(Set.of(Roles.CUSTOMER, Roles.ADMIN))
                .expiresAt(Instant.now().plus(Duration.ofMinutes(10))).sign(foreign);
        assertUnauthorized(given().header("Authorization", Tokens.bearer(forged)).get(protectedPath()));
    }

    private static void assertUnauthorized(Response response) {
        response.then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(401))
                .body(not(containsString("Exception")));
    }
}
