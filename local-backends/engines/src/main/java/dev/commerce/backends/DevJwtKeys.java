package dev.commerce.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair that signs local and test tokens. Generated on first use into a directory outside the
 * repository and reused, so dev mode, the local stack and the token command agree on it. As an {@link Engine} it
 * stands in for the identity provider's signing keys: nothing runs, and closing it removes a temporary pair.
 */
public final class DevJwtKeys implements Engine {

    /** Issuer of locally minted tokens; services accept it unless JWT_ISSUER says otherwise. */
    public static final String ISSUER = "https://commerce.local";

    private final Path publicKey;
    private final Path privateKey;
    /** The directory of a temporary key pair; none for a kept one. */
    private final WorkDir workDir;

    private DevJwtKeys(Path dir, WorkDir workDir) {
        this.publicKey = dir.resolve("public.pem");
        this.privateKey = dir.resolve("private.pem");
        this.workDir = workDir;
    }

    /** The shared key pair for this user on this machine (java.io.tmpdir/commerce-local-jwt). */
    public static DevJwtKeys shared() {
        return in(Path.of(System.getProperty("java.io.tmpdir"), "commerce-local-jwt"));
    }

    /**
     * A key pair of its own in a fresh work directory, for one test run; removed by {@link #delete()} or when
     * this process ends.
     */
    public static DevJwtKeys temporary() {
        WorkDir workDir = WorkDir.create("jwt");
        return generatedIfMissing(new DevJwtKeys(workDir.path(), workDir));
    }

    /** Removes a temporary key pair; a kept one stays. */
    public void delete() {
        if (workDir != null) {
            workDir.close();
        }
    }

    @Override
    public void start() {
        // the keys exist from construction
    }

    @Override
    public void stop() {
        // nothing runs
    }

    @Override
    public boolean isRunning() {
        return Files.isRegularFile(publicKey) && Files.isRegularFile(privateKey);
    }

    @Override
    public void close() {
        delete();
    }

    @Override
    public String describe() {
        return "JWT keys in " + publicKey.getParent();
    }

    /** The key pair kept in {@code dir}, generated there first if missing. */
    public static DevJwtKeys in(Path dir) {
        return generatedIfMissing(new DevJwtKeys(dir, null));
    }

    private static synchronized DevJwtKeys generatedIfMissing(DevJwtKeys keys) {
        if (!Files.isRegularFile(keys.publicKey) || !Files.isRegularFile(keys.privateKey)) {
            keys.generate(keys.publicKey.getParent());
        }
        return keys;
    }

    private void generate(Path dir) {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateTmp = Files.createTempFile(dir, "private", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateTmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(privateTmp, privateKey, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JWT keys to " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public Path publicKey() {
        return publicKey;
    }

    public Path privateKey() {
        return privateKey;
    }
}
