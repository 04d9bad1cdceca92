package dev.commerce.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What is left of an owner of engines: its work directories and the processes running in them (their current
 * directory is inside), read from /proc independently of the leash that is meant to remove them.
 */
public final class Leftovers {

    /** Generous: on a loaded two-core machine, stopping JVM engines can take several seconds. */
    public static final Duration DEADLINE = Duration.ofSeconds(90);

    private Leftovers() {
    }

    /** Waits until none of {@code dirs} exists and no process runs in any of them. */
    public static void awaitNoneOf(Collection<Path> dirs) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(processesIn(dirs)).as("processes still running in %s", dirs).isEmpty();
            assertThat(dirs).as("work directories still present").noneMatch(Files::exists);
        });
    }

    /** Waits until none of {@code processes} runs any more. */
    public static void awaitEnded(Collection<ProcessHandle> processes) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(processes).as("processes still running").noneMatch(Leftovers::isRunning));
    }

    /**
     * Whether a process runs: a process that has ended but that its parent has not reaped yet (a zombie, e.g. an
     * orphan waiting for pid 1) counts as ended, although {@link ProcessHandle#isAlive()} still says alive.
     */
    public static boolean isRunning(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    /** Pids of the processes whose current directory is one of {@code dirs} or below. */
    public static List<Long> processesIn(Collection<Path> dirs) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(proc -> proc.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(proc -> cwd(proc).filter(cwd -> dirs.stream().anyMatch(cwd::startsWith)).isPresent())
                    .map(proc -> Long.parseLong(proc.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> cwd(Path proc) {
        try {
            return Optional.of(Files.readSymbolicLink(proc.resolve("cwd")));
        } catch (IOException | SecurityException gone) {
            return Optional.empty();
        }
    }
}
