package dev.commerce.backends;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB Local (the official AWS engine) in a child JVM, in memory, with one database shared by every
 * region and key pair ({@code -sharedDb}) so any client configuration sees the same tables.
 */
public final class DynamoDbLocal implements Engine {

    private static final String CLASSPATH_RESOURCE = "/dev/commerce/backends/dist/dynamodb-local.classpath";

    private final int port;
    private final WorkDir workDir;
    private final ChildProcess process;

    public DynamoDbLocal() {
        this(LoopbackPorts.freePort());
    }

    public DynamoDbLocal(int port) {
        this.port = port;
        this.workDir = WorkDir.create("dynamodb");
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaLauncher(),
                "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", engineClasspath(),
                "com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
                "-inMemory", "-sharedDb", "-port", Integer.toString(port)));
        this.process = new ChildProcess("dynamodb-local", command, Map.of(), workDir);
    }

    @Override
    public void start() {
        process.start(Duration.ofSeconds(60), port, () -> true);
    }

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
        workDir.close();
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://" + LoopbackPorts.HOST + ":" + port;
    }

    @Override
    public String describe() {
        return "DynamoDB Local on " + endpoint();
    }

    private static String engineClasspath() {
        try (InputStream in = DynamoDbLocal.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + CLASSPATH_RESOURCE + ": build local-backends/engine-dist first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
