package dev.commerce.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.commerce.backends.DevJwtKeys;

/**
 * How the stack configures each service: the same environment variables a deployment in AWS sets
 * (see terraform/README.md), plus the endpoint overrides and static keys that only local engines need.
 * Services run their production profile, so this also exercises the deployed configuration.
 */
final class StackConfiguration {

    private StackConfiguration() {
    }

    /**
     * @param workDir where files the services read are written (the local CA bundle)
     */
    static List<ServiceSpec> services(LocalBackends backends, DevJwtKeys keys, String mediaStore, Path workDir,
            ServicePorts ports) {
        Map<String, String> shared = new HashMap<>();
        shared.put("JWT_ISSUER", DevJwtKeys.ISSUER);
        shared.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toUri().toString());
        shared.put("CURSOR_SIGNING_KEY", randomHex(32));
        shared.put("CATALOG_URL", "http://127.0.0.1:" + ports.catalog());
        shared.put("ORDER_URL", "http://127.0.0.1:" + ports.order());
        shared.put("SESSION_URL", "http://127.0.0.1:" + ports.session());
        shared.put("MEDIA_URL", "http://127.0.0.1:" + ports.media());
        shared.put("AWS_REGION", "us-east-1");

        Map<String, String> sharedProps = Map.of(
                "quarkus.http.host", "127.0.0.1",
                "quarkus.log.console.json.enabled", "false",
                // Internal calls are signed with the local key; in AWS, SERVICE_TOKEN comes from the IdP.
                "smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());

        ServiceSpec catalog = new ServiceSpec("catalog-service", ports.catalog(),
                merge(shared, Map.of("CATALOG_TABLE", "catalog", "CATALOG_CREATE_TABLE", "true")),
                merge(sharedProps, awsEmulator("dynamodb", backends.dynamo.endpoint(), "local", "local")));

        ServiceSpec order = new ServiceSpec("order-service", ports.order(),
                merge(shared, Map.of(
                        "ORDER_DB_URL", backends.postgres.reactiveUrl(),
                        "ORDER_DB_READER_URL", backends.postgres.reactiveUrl(),
                        "ORDER_DB_USERNAME", backends.postgres.username(),
                        "ORDER_DB_PASSWORD", backends.postgres.password(),
                        // The embedded engine speaks plain TCP on loopback; Aurora gets verify-full (the default).
                        "ORDER_DB_SSL_MODE", "disable",
                        // The pools load the CA bundle even with TLS off; the RDS bundle's default path does not
                        // exist here, so hand them this JDK's trusted roots instead.
                        "ORDER_DB_CA_BUNDLE", caBundle(workDir).toString())),
                sharedProps);

        ServiceSpec session = new ServiceSpec("session-service", ports.session(),
                merge(shared, Map.of("REDIS_URL", backends.redis.url())),
                sharedProps);

        Map<String, String> mediaEnv = new HashMap<>(Map.of(
                "MEDIA_STORE", mediaStore,
                "MEDIA_BUCKET", "media",
                "MEDIA_CREATE_BUCKET", "true",
                "MEDIA_EFS_ROOT", backends.efs.root().toString()));
        Map<String, String> mediaProps = new HashMap<>(awsEmulator("s3", backends.s3.endpoint(),
                backends.s3.accessKeyId(), backends.s3.secretAccessKey()));
        mediaProps.put("quarkus.s3.path-style-access", "true");
        ServiceSpec media = new ServiceSpec("media-service", ports.media(), merge(shared, mediaEnv), merge(sharedProps, mediaProps));

        return List.of(catalog, order, session, media);
    }

    /** Writes the trusted root certificates of this JDK as one PEM file. */
    static Path caBundle(Path workDir) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder pem = new StringBuilder();
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate certificate : x509.getAcceptedIssuers()) {
                        pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                                .append("\n-----END CERTIFICATE-----\n");
                    }
                }
            }
            Path file = workDir.resolve("local-ca-bundle.pem");
            Files.createDirectories(workDir);
            Files.writeString(file, pem);
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write a CA bundle into " + workDir, e);
        }
    }

    private static Map<String, String> awsEmulator(String client, String endpoint, String keyId, String secret) {
        String prefix = "quarkus." + client + ".";
        return Map.of(
                prefix + "endpoint-override", endpoint,
                prefix + "aws.credentials.type", "static",
                prefix + "aws.credentials.static-provider.access-key-id", keyId,
                prefix + "aws.credentials.static-provider.secret-access-key", secret);
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> merged = new HashMap<>(base);
        merged.putAll(extra);
        return merged;
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
