package dev.commerce.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

/**
 * A program run as a child process: output goes to a log file (shown when start-up fails), and the
 * whole process tree is stopped on {@link #stop()} or, as a backstop, when this JVM exits.
 */
public final class ChildProcess {

    private static final Logger LOG = Logger.getLogger(ChildProcess.class);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;
    private Thread shutdownHook;

    public ChildProcess(String name, List<String> command, Map<String, String> environment, Path logDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logDir.resolve(name + ".log");
    }

    /** Starts the process and waits until {@code ready} holds, the process dies, or the timeout passes. */
    public synchronized void start(Duration timeout, BooleanSupplier ready) {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            // Run in the engine's own work directory: engines drop files into their working directory
            // (DynamoDB Local writes dynamodb-local-metadata.json), which must not land in the caller's tree.
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(logFile.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), e);
        }
        Process started = process;
        shutdownHook = new Thread(() -> destroy(started), name + "-stopper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            LoopbackPorts.await(name, timeout, () -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + started.exitValue() + "\n" + tail());
                }
                return ready.getAsBoolean();
            });
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException(e.getMessage() + "\n--- " + logFile + " ---\n" + tail(), e);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        destroy(process);
        process = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing left to remove
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    private static void destroy(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                LOG.warnf("Process %d ignored SIGTERM; killing it", process.pid());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public Path logFile() {
        return logFile;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The java launcher of this JVM, so child JVMs run on the same JDK. */
    public static String javaLauncher() {
        return ProcessHandle.current().info().command()
                .filter(cmd -> cmd.endsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
