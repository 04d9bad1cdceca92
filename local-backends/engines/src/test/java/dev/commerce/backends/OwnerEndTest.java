package dev.commerce.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * However the process that started engines ends, no engine process and no work directory of it is left: it is
 * killed with SIGKILL, its whole process group is killed (a CI timeout), or it ends on SIGTERM without closing
 * anything.
 */
class OwnerEndTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final List<Process> owners = new ArrayList<>();

    @AfterEach
    void killOwnersLeftByAFailedTest() {
        owners.forEach(Process::destroyForcibly);
    }

    @Test
    void ownerKilledWithSigkillLeavesNoEngineProcessAndNoWorkDirectory() throws Exception {
        Process owner = startOwner(List.of(), "postgres", "redis", "dynamodb", "s3proxy", "efs");
        List<Path> dirs = WorkDir.heldBy(owner.pid());
        assertThat(dirs).hasSize(5);
        // PostgreSQL (a postmaster and its workers), redis-server, and the DynamoDB Local and s3proxy JVMs
        assertThat(Leftovers.processesIn(dirs)).hasSizeGreaterThanOrEqualTo(4);

        owner.destroyForcibly();

        Leftovers.awaitNoneOf(dirs);
    }

    @Test
    void ownerWhoseProcessGroupIsKilledLeavesNoEngineProcessAndNoWorkDirectory() throws Exception {
        // setsid makes the owner the leader of a process group of its own, so the whole group can be killed at once
        Process owner = startOwner(List.of("setsid"), "postgres", "redis", "efs");
        List<Path> dirs = WorkDir.heldBy(owner.pid());
        assertThat(dirs).hasSize(3);
        assertThat(Leftovers.processesIn(dirs)).hasSizeGreaterThanOrEqualTo(2);

        Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s KILL -- -" + owner.pid()).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();

        Leftovers.awaitNoneOf(dirs);
    }

    @Test
    void ownerEndingOnSigtermWithoutClosingItsEnginesLeavesNoEngineProcessAndNoWorkDirectory() throws Exception {
        Process owner = startOwner(List.of(), "postgres", "redis", "efs");
        List<Path> dirs = WorkDir.heldBy(owner.pid());
        assertThat(dirs).hasSize(3);
        assertThat(Leftovers.processesIn(dirs)).hasSizeGreaterThanOrEqualTo(2);

        owner.destroy();
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Leftovers.awaitNoneOf(dirs);
    }

    /** Starts an {@link EngineOwner} JVM and waits until its engines are up. */
    private Process startOwner(List<String> prefix, String... engines) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(ChildProcess.javaLauncher(), "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), EngineOwner.class.getName()));
        command.addAll(List.of(engines));
        Path log = Path.of("target", "engine-owner-" + System.nanoTime() + ".log");
        Process owner = new ProcessBuilder(command).redirectError(log.toFile()).start();
        owners.add(owner);
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream()));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(first).as("what the owner printed (its log: %s)", log).isEqualTo("ready");
        return owner;
    }
}
