package dev.commerce.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.commerce.backends.ChildProcess;
import dev.commerce.backends.Leftovers;
import dev.commerce.backends.WorkDir;

/**
 * The local stack as its own process, killed with SIGKILL (a CI timeout, the OOM killer): a few seconds later no
 * service, no engine and no work directory of it is left.
 */
class StackKillTest {

    private Process stack;

    @AfterEach
    void killTheStackLeftByAFailedTest() {
        if (stack != null) {
            stack.destroyForcibly();
        }
    }

    @Test
    void stackKilledWithSigkillLeavesNoServiceNoEngineAndNoWorkDirectory() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path log = Path.of("target", "stack-kill-test.log").toAbsolutePath();
        stack = new ProcessBuilder(ChildProcess.javaLauncher(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName(), "run", "--free-ports", "--no-seed")
                .directory(root.toFile()).redirectError(log.toFile()).start();
        awaitUp(stack);

        List<Path> dirs = WorkDir.heldBy(stack.pid());
        // five engines (DynamoDB Local, PostgreSQL, Redis, s3proxy, the EFS directory) and four services
        assertThat(dirs).hasSize(9);
        List<ProcessHandle> services = stack.children().filter(child -> child.info().commandLine()
                .filter(line -> line.contains("quarkus-run.jar")).isPresent()).toList();
        assertThat(services).hasSize(4);

        stack.destroyForcibly();

        Leftovers.awaitNoneOf(dirs);
        Leftovers.awaitEnded(services);
    }

    private static void awaitUp(Process stack) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream()));
        boolean up = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("==> The system is up")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }).get(8, TimeUnit.MINUTES);
        assertThat(up).as("the stack came up (see target/stack-kill-test.log and local-stack/target/logs)").isTrue();
        // The walk-through that follows is not read: the pipe has room for it.
    }
}
