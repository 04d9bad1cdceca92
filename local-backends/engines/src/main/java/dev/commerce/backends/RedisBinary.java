package dev.commerce.backends;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Finds a redis-server: the one on PATH, otherwise the Linux x86-64 binary shipped in the embedded-redis jar. */
final class RedisBinary {

    private static final String BUNDLED = "redis-server-6.2.6-v5-linux-amd64";

    private RedisBinary() {
    }

    static synchronized Path path() {
        return Executables.onPath("redis-server").orElseGet(RedisBinary::extractBundled);
    }

    private static Path extractBundled() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("No redis-server on PATH and no bundled one for " + os + "/" + arch
                    + ": install Redis (e.g. apt-get install redis-server, brew install redis)");
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "commerce-" + BUNDLED);
        try (InputStream in = RedisBinary.class.getResourceAsStream("/" + BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("embedded-redis jar with " + BUNDLED + " is not on the classpath");
            }
            if (!Files.isExecutable(target)) {
                Path partial = Files.createTempFile(target.getParent(), BUNDLED, ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + BUNDLED, e);
        }
    }
}
