package dev.commerce.order.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * IAM database authentication: the password is a token signed with the task's AWS credentials, valid 15 minutes
 * for opening connections (open connections stay up). A token is reused until {@code refreshAfter}, well inside
 * its validity, so a connection never presents one about to expire. Writer and reader endpoints get their own.
 */
final class IamAuthTokens implements PasswordSource {

    private final RdsUtilities rds;
    private final Duration refreshAfter;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    IamAuthTokens(RdsUtilities rds, Duration refreshAfter, Clock clock) {
        this.rds = rds;
        this.refreshAfter = refreshAfter;
        this.clock = clock;
    }

    static IamAuthTokens forRegion(String region, Duration refreshAfter) {
        return new IamAuthTokens(RdsUtilities.builder()
                .region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .build(), refreshAfter, Clock.systemUTC());
    }

    @Override
    public DbLogin login(String host, int port, String user) {
        Instant now = clock.instant();
        Token token = tokens.compute(user + "@" + host + ":" + port, (key, current) -> current != null
                && now.isBefore(current.generatedAt().plus(refreshAfter))
                        ? current
                        : new Token(rds.generateAuthenticationToken(b -> b.hostname(host).port(port).username(user)), now));
        return new DbLogin(user, token.value());
    }

    @Override
    public boolean remote() {
        // Resolving the task's credentials may call the container credentials endpoint.
        return true;
    }

    private record Token(String value, Instant generatedAt) {
    }
}
