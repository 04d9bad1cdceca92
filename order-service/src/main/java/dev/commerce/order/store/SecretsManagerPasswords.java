package dev.commerce.order.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The password from the secret RDS manages for the cluster (JSON with {@code username} and {@code password}).
 * It is read again after {@code refreshAfter}, so a rotation reaches new connections within that time.
 */
final class SecretsManagerPasswords implements PasswordSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;
    private final Duration refreshAfter;
    private final Clock clock;
    private Secret current;

    SecretsManagerPasswords(SecretsManagerClient secrets, String secretId, Duration refreshAfter, Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.refreshAfter = refreshAfter;
        this.clock = clock;
    }

    static SecretsManagerPasswords forRegion(String region, String secretId, Duration refreshAfter) {
        SecretsManagerClient client = SecretsManagerClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        return new SecretsManagerPasswords(client, secretId, refreshAfter, Clock.systemUTC());
    }

    @Override
    public synchronized DbLogin login(String host, int port, String user) {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.readAt().plus(refreshAfter))) {
            current = read(now);
        }
        return new DbLogin(user == null || user.isBlank() ? current.username() : user, current.password());
    }

    @Override
    public boolean remote() {
        return true;
    }

    private Secret read(Instant now) {
        String value = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
        try {
            JsonNode json = JSON.readTree(value);
            if (!json.hasNonNull("password")) {
                throw new IllegalStateException("Secret " + secretId + " has no password field");
            }
            return new Secret(json.path("username").asText(null), json.get("password").asText(), now);
        } catch (IOException e) {
            throw new UncheckedIOException("Secret " + secretId + " is not JSON", e);
        }
    }

    private record Secret(String username, String password, Instant readAt) {

        @Override
        public String toString() {
            return "Secret[username=" + username + ", readAt=" + readAt + "]";
        }
    }
}
