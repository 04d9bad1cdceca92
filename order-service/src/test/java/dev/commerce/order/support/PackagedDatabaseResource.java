package dev.commerce.order.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the packaged service needs in its prod profile to reach the local backends' PostgreSQL, which has no TLS:
 * ORDER_DB_SSL_MODE=disable, and a readable ORDER_DB_CA_BUNDLE (the pools load it even when TLS is off), here a
 * certificate of the JDK's own trust store written to a temporary PEM file.
 */
public class PackagedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private Path bundle;

    @Override
    public Map<String, String> start() {
        try {
            bundle = Files.createTempFile("ca-bundle", ".pem");
            Files.writeString(bundle, pem(anyTrustedCertificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("ORDER_DB_SSL_MODE", "disable", "ORDER_DB_CA_BUNDLE", bundle.toString());
    }

    @Override
    public void stop() {
        try {
            if (bundle != null) {
                Files.deleteIfExists(bundle);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Certificate anyTrustedCertificate() {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        try (InputStream in = Files.newInputStream(cacerts)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, null);
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate != null) {
                    return certificate;
                }
            }
            throw new IllegalStateException("No certificate in " + cacerts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
