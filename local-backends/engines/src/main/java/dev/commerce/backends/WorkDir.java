package dev.commerce.backends;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A directory an engine runs in, tied to the life of the process that created it (its owner). Engines and other
 * child processes run with their current directory in it, which is how they are found again.
 * <p>
 * Each work directory has a leash: a small shell process ({@code leash.sh}) whose standard input is a pipe from
 * the owner. Closing the directory closes that pipe; so does the end of the owner, however it ends (normal exit,
 * crash, SIGKILL). Either way the leash stops every process still running in the directory and removes it. A
 * directory whose owner is gone and whose leash did not finish (the machine went down, the leash was killed with
 * its process group) is reclaimed the same way at the next start of any owner on this machine.
 * <p>
 * Linux: processes are found through {@code /proc}; elsewhere only the directory is removed.
 */
public final class WorkDir implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkDir.class);
    private static final String OWNER_FILE = ".owner";
    /** A directory younger than this may still be getting its owner file. */
    private static final Duration UNCLAIMED_GRACE = Duration.ofMinutes(1);
    /** The leash gives processes 10 s to stop and 5 s more after SIGKILL; this is its upper bound with slack. */
    private static final Duration LEASH_TIMEOUT = Duration.ofSeconds(30);
    /** Held work directories stay reachable: a collected pipe would be closed and free the directory too early. */
    private static final Set<WorkDir> HELD = ConcurrentHashMap.newKeySet();
    private static boolean swept;

    private final Path path;
    private final Process leash;

    private WorkDir(Path path, Process leash) {
        this.path = path;
        this.leash = leash;
    }

    /** A fresh directory named {@code <name>-<random>} under {@link #root()}, held by this process. */
    public static WorkDir create(String name) {
        sweepOnce();
        try {
            Path dir = Files.createTempDirectory(root(), name + "-").toRealPath();
            Files.writeString(dir.resolve(OWNER_FILE), Owner.current().line());
            WorkDir workDir = new WorkDir(dir, leash(dir, ProcessBuilder.Redirect.PIPE));
            HELD.add(workDir);
            return workDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work directory for " + name, e);
        }
    }

    public Path path() {
        return path;
    }

    /** Stops whatever still runs in the directory and removes it; returns once both are done. */
    @Override
    public void close() {
        if (!HELD.remove(this)) {
            return;
        }
        try {
            leash.getOutputStream().close();
            if (!leash.waitFor(LEASH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("The leash of %s did not finish in %d s", path, LEASH_TIMEOUT.toSeconds());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where every work directory of this project lives: {@code <java.io.tmpdir>/commerce-engines}. */
    public static Path root() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "commerce-engines")).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the work directory root", e);
        }
    }

    /** The work directories that the process {@code pid} holds, e.g. to check that none is left once it ended. */
    public static List<Path> heldBy(long pid) {
        return directories().filter(dir -> Owner.of(dir).filter(owner -> owner.pid() == pid).isPresent()).toList();
    }

    /** Runs {@link #sweep()} once per class loader, before its first directory is created. */
    private static synchronized void sweepOnce() {
        if (!swept) {
            swept = true;
            sweep();
        }
    }

    /** Reclaims the directories of owners that are gone: stops what still runs in them and removes them. */
    static void sweep() {
        List<Process> reclaims = new ArrayList<>();
        directories().filter(WorkDir::isStale).forEach(dir -> {
            LOG.infof("Reclaiming %s: its owner is gone", dir);
            reclaims.add(leash(dir, ProcessBuilder.Redirect.from(new File("/dev/null"))));
        });
        for (Process reclaim : reclaims) {
            try {
                reclaim.waitFor(LEASH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isStale(Path dir) {
        Optional<Owner> owner = Owner.of(dir);
        if (owner.isPresent()) {
            return !owner.get().isAlive();
        }
        try {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(UNCLAIMED_GRACE));
        } catch (IOException gone) {
            return false;
        }
    }

    private static Stream<Path> directories() {
        try (Stream<Path> entries = Files.list(root())) {
            return entries.filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the leash of {@code dir}; it acts once its standard input ends. */
    private static Process leash(Path dir, ProcessBuilder.Redirect input) {
        List<String> command = new ArrayList<>();
        // Its own session: a signal to the owner's process group (Ctrl-C, a closed terminal) does not reach it.
        Executables.onPath("setsid").ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(List.of("/bin/sh", LeashScript.PATH.toString(), dir.toString()));
        try {
            return new ProcessBuilder(command)
                    .directory(new File("/"))
                    .redirectInput(input)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the leash of " + dir, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }

    /** The leash script, written once next to the work directories under a name that changes with its content. */
    private static final class LeashScript {
        static final Path PATH = write();

        private static Path write() {
            try (InputStream in = WorkDir.class.getResourceAsStream("leash.sh")) {
                if (in == null) {
                    throw new IllegalStateException("leash.sh is missing from the class path");
                }
                byte[] script = in.readAllBytes();
                String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 8);
                Path target = root().resolve("leash-" + digest + ".sh");
                if (!Files.isRegularFile(target)) {
                    Path partial = Files.createTempFile(root(), "leash", ".part");
                    Files.write(partial, script);
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the leash script", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The process that holds a work directory: its pid and start time, so that a reused pid is not mistaken for it. */
    private record Owner(long pid, long startMillis) {

        static Owner current() {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(self.pid(), startMillis(self));
        }

        static Optional<Owner> of(Path dir) {
            try {
                String[] fields = Files.readString(dir.resolve(OWNER_FILE), StandardCharsets.UTF_8).trim().split(" ");
                return Optional.of(new Owner(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty();
            }
        }

        boolean isAlive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> startMillis == 0 || startMillis(handle) == startMillis)
                    .isPresent();
        }

        String line() {
            return pid + " " + startMillis + "\n";
        }

        private static long startMillis(ProcessHandle handle) {
            return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }
    }
}
