package dev.commerce.backends;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

/**
 * A program run as a child process in a {@link WorkDir}, so that it never outlives the process that started it:
 * {@link #stop()} ends it, and so does the end of this process, whatever way it ends. Output goes to a log file
 * (shown when start-up fails).
 */
public final class ChildProcess {

    private static final Logger LOG = Logger.getLogger(ChildProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    /** The engine's own directory, kept across restarts; null when each start gets a fresh one. */
    private final WorkDir engineDir;
    private String stopSignal = "TERM";
    private Process process;
    private WorkDir runDir;
    private long logOffset;

    /** Runs in a work directory of its own for each start (removed on stop); logs to {@code <logDir>/<name>.log}. */
    public ChildProcess(String name, List<String> command, Map<String, String> environment, Path logDir) {
        this(name, command, environment, logDir.resolve(name + ".log"), null);
    }

    /** Runs and logs in an engine's work directory, which outlives a stop so a restart finds its data again. */
    public ChildProcess(String name, List<String> command, Map<String, String> environment, WorkDir engineDir) {
        this(name, command, environment, engineDir.path().resolve(name + ".log"), engineDir);
    }

    private ChildProcess(String name, List<String> command, Map<String, String> environment, Path logFile, WorkDir engineDir) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.engineDir = engineDir;
    }

    /** The signal that asks the program to stop (default TERM), e.g. INT for PostgreSQL's fast shutdown. */
    public ChildProcess stopSignal(String signal) {
        this.stopSignal = signal;
        return this;
    }

    /**
     * Starts the process and waits until the socket listening on {@code port} is this process's (or a
     * descendant's) and {@code ready} holds. Fails at once with {@link PortTakenException} when another process
     * listens on the port, and fails when the process dies or the timeout passes.
     */
    public synchronized void start(Duration timeout, int port, BooleanSupplier ready) {
        startAndAwait(timeout, () -> PortHolder.checkHeldBy(port, process.toHandle(), name) && ready.getAsBoolean());
    }

    /**
     * Starts the process and waits until {@code ready} holds, the process dies, or the timeout passes. Prefer
     * {@link #start(Duration, int, BooleanSupplier)} for anything that listens: this one cannot tell whether what
     * answers is this process.
     */
    public synchronized void start(Duration timeout, BooleanSupplier ready) {
        startAndAwait(timeout, ready);
    }

    private void startAndAwait(Duration timeout, BooleanSupplier ready) {
        if (process != null && process.isAlive()) {
            return;
        }
        WorkDir dir = engineDir != null ? engineDir : (runDir = WorkDir.create(name));
        try {
            Files.createDirectories(logFile.getParent());
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            // The work directory is the current directory: the leash finds the process there, and files engines
            // drop into their working directory (DynamoDB Local's metadata) stay out of the caller's tree.
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.path().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            closeRunDir();
            throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), e);
        }
        Process started = process;
        try {
            LoopbackPorts.await(name, timeout, () -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + started.exitValue());
                }
                return ready.getAsBoolean();
            });
        } catch (PortTakenException e) {
            stop();
            throw e;
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException(e.getMessage() + "\n--- " + logFile + " ---\n" + tail(), e);
        }
    }

    /** Asks the process to stop, kills it (and what it started) after a grace period, then waits for it. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            signal(process.toHandle(), stopSignal);
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("%s (pid %d) ignored SIG%s for %d s; killing it", name, process.pid(), stopSignal,
                        STOP_GRACE.toSeconds());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
        closeRunDir();
    }

    private void closeRunDir() {
        if (runDir != null) {
            runDir.close();
            runDir = null;
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Whether the program wrote {@code text} to its log since its latest start (not in an earlier run's output). */
    public boolean loggedSinceStart(String text) {
        try (InputStream in = Files.newInputStream(logFile)) {
            in.skipNBytes(logOffset);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void signal(ProcessHandle target, String signal) throws InterruptedException {
        if (signal.equals("TERM")) {
            target.destroy();
            return;
        }
        try {
            new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " " + target.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            target.destroy();
        }
    }

    /** The java launcher of this JVM, so child JVMs run on the same JDK. */
    public static String javaLauncher() {
        return ProcessHandle.current().info().command()
                .filter(cmd -> cmd.endsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
