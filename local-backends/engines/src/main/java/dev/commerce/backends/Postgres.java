package dev.commerce.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from embedded binaries. The data directory survives {@link #restart()} (outage
 * tests reconnect to the same database) and is removed on {@link #close()}.
 */
public final class Postgres implements Engine {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final int port;
    private final Path dataDir;
    private EmbeddedPostgres server;

    public Postgres() {
        this(LoopbackPorts.freePort());
    }

    public Postgres(int port) {
        this.port = port;
        this.dataDir = WorkDirs.create("postgres");
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", LoopbackPorts.HOST)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL on port " + port, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
        WorkDirs.deleteRecursively(dataDir);
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

    /** The embedded server trusts loopback connections; clients still send a password. */
    public String password() {
        return USER;
    }

    @Override
    public String describe() {
        return "PostgreSQL on " + LoopbackPorts.HOST + ":" + port;
    }
}
