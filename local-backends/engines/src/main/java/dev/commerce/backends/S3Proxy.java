package dev.commerce.backends;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * s3proxy in a child JVM on its transient (in-memory) backend: a real S3 wire protocol with SigV4
 * verification, versioning, multipart and presigned URLs. The access key pair is generated per instance.
 */
public final class S3Proxy implements Engine {

    private static final String DIST_RESOURCE = "/dev/commerce/backends/dist/s3proxy.properties";

    private final int port;
    private final String accessKeyId = "local-" + Secrets.randomToken(8);
    private final String secretAccessKey = Secrets.randomToken(30);
    private final WorkDir workDir;
    private final ChildProcess process;

    public S3Proxy() {
        this(LoopbackPorts.freePort(), "2g");
    }

    /** @param maxHeap heap of the engine JVM; objects live in it, so size it for the largest test object */
    public S3Proxy(int port, String maxHeap) {
        this.port = port;
        this.workDir = WorkDir.create("s3proxy");
        Path config = writeConfig();
        List<String> command = List.of(ChildProcess.javaLauncher(), "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", distributionJar(), "--properties", config.toString());
        this.process = new ChildProcess("s3proxy", command, Map.of(), workDir);
    }

    private Path writeConfig() {
        Properties props = new Properties();
        props.setProperty("s3proxy.endpoint", endpoint());
        props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        props.setProperty("s3proxy.identity", accessKeyId);
        props.setProperty("s3proxy.credential", secretAccessKey);
        props.setProperty("jclouds.provider", "transient-nio2");
        props.setProperty("jclouds.identity", accessKeyId);
        props.setProperty("jclouds.credential", secretAccessKey);
        props.setProperty("jclouds.regions", "us-east-1");
        Path file = workDir.path().resolve("s3proxy.conf");
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "generated for one local run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
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

    public String endpoint() {
        return "http://" + LoopbackPorts.HOST + ":" + port;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    public String region() {
        return "us-east-1";
    }

    @Override
    public String describe() {
        return "s3proxy on " + endpoint();
    }

    private static String distributionJar() {
        try (InputStream in = S3Proxy.class.getResourceAsStream(DIST_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DIST_RESOURCE + ": build local-backends/engine-dist first");
            }
            Properties props = new Properties();
            props.load(in);
            String jar = props.getProperty("jar");
            if (jar == null || !Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("s3proxy jar not found at " + jar + ": rebuild local-backends/engine-dist");
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
