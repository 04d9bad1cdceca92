package dev.commerce.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary directories owned by one engine, removed when it is closed or, as a backstop (test JVMs often exit
 * without closing what they started), when this JVM exits.
 */
final class WorkDirs {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(WorkDirs::deleteQuietly), "work-dir-cleaner"));
    }

    private WorkDirs() {
    }

    static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory("commerce-" + prefix + "-");
            LIVE.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteRecursively(root);
        } catch (UncheckedIOException stillInUse) {
            // a child process may still be writing during JVM exit; the OS temp cleaner gets the rest
        }
    }

    static void deleteRecursively(Path root) {
        if (root == null) {
            return;
        }
        LIVE.remove(root);
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + root, e);
        }
    }
}
