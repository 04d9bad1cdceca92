package dev.commerce.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.commerce.backends.ChildProcess;
import dev.commerce.backends.DevJwtKeys;
import dev.commerce.backends.LoopbackPorts;
import dev.commerce.backends.S3Proxy;
import dev.commerce.testing.Tokens;
import dev.commerce.testing.Readiness;

/**
 * The packaged service, started as its own process with a 256 MiB heap on the S3 store (s3proxy), takes 1 GiB
 * uploads (with a Content-Length and chunked) and serves them back. A service that held the body in memory anywhere on the way would run out of heap
 * (the process exits on OutOfMemoryError); the SHA-256 on both ends proves the bytes made it intact.
 */
class LargeMediaStreamingIT {

    private static final long SIZE = 1L << 30;
    private static final String HEAP = "256m";

    private static S3Proxy s3;
    private static DevJwtKeys keys;
    private static Process service;
    private static Path serviceLog;
    private static URI base;

    @BeforeAll
    static void startServiceOnS3() throws Exception {
        // s3proxy keeps objects in its own heap: the staged upload and its committed copy live there at once.
        s3 = new S3Proxy(LoopbackPorts.freePort(), "4g");
        s3.start();
        keys = DevJwtKeys.temporary();
        System.setProperty("smallrye.jwt.sign.key.location", keys.privateKey().toString());
        int port = LoopbackPorts.freePort();
        base = URI.create("http://" + LoopbackPorts.HOST + ":" + port);
        serviceLog = Files.createTempFile("media-service-it", ".log");
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaLauncher(), "-Xmx" + HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.http.host=" + LoopbackPorts.HOST,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.console.json.enabled=false",
                "-Dmp.jwt.verify.publickey.location=" + keys.publicKey(),
                "-Dmedia.store=s3",
                "-Dmedia.create-bucket=true",
                "-Dmedia.upload.max-size=2G",
                "-Dquarkus.http.limits.max-body-size=2G",
                "-Dquarkus.s3.endpoint-override=" + s3.endpoint(),
                "-Dquarkus.s3.path-style-access=true",
                "-Dquarkus.s3.aws.region=" + s3.region(),
                "-Dquarkus.s3.aws.credentials.type=static",
                "-Dquarkus.s3.aws.credentials.static-provider.access-key-id=" + s3.accessKeyId(),
                "-Dquarkus.s3.aws.credentials.static-provider.secret-access-key=" + s3.secretAccessKey(),
                "-jar", System.getProperty("media.app.jar", "target/quarkus-app/quarkus-run.jar")));
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(serviceLog.toFile()).start();
        LoopbackPorts.await("media-service", Duration.ofSeconds(120), () -> service.isAlive() && Readiness.isReady(base.toString()));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        if (s3 != null) {
            s3.close();
        }
        if (keys != null) {
            keys.delete();
        }
    }

    @Test
    void aGibibyteWithAContentLengthStreamsInAndOutWithACappedHeap() throws Exception {
        roundTrip("Content-Length", content -> HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> content), SIZE));
    }

    /** Unknown length: staged to S3 as a multipart upload through the bounded pool of part buffers. */
    @Test
    void aChunkedGibibyteStreamsInAndOutWithACappedHeap() throws Exception {
        roundTrip("chunked", content -> HttpRequest.BodyPublishers.ofInputStream(() -> content));
    }

    private void roundTrip(String framing, Function<InputStream, HttpRequest.BodyPublisher> body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer(Tokens.customer("large-media-owner"));
        GeneratedMp4 content = new GeneratedMp4(SIZE);

        long uploadStarted = System.nanoTime();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/media?filename=big.mp4"))
                .header("Authorization", token).header("Content-Type", "video/mp4").POST(body.apply(content)).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration upload = Duration.ofNanos(System.nanoTime() - uploadStarted);

        assertThat(created.statusCode()).as(created.body() + serviceOutput()).isEqualTo(201);
        JsonNode media = new ObjectMapper().readTree(created.body());
        String id = media.get("id").asText();
        String sentSha256 = content.sha256Hex();
        assertThat(media.get("size").asLong()).isEqualTo(SIZE);
        assertThat(media.get("sha256").asText()).isEqualTo(sentSha256);

        long downloadStarted = System.nanoTime();
        HttpResponse<InputStream> downloaded = http.send(HttpRequest.newBuilder(base.resolve("/media/" + id))
                .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        MessageDigest received = sha256();
        long receivedBytes;
        try (InputStream in = new DigestInputStream(downloaded.body(), received)) {
            receivedBytes = in.transferTo(OutputStream.nullOutputStream());
        }
        Duration download = Duration.ofNanos(System.nanoTime() - downloadStarted);

        assertThat(receivedBytes).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(sentSha256);
        assertThat(service.isAlive()).as("service survived with -Xmx" + HEAP + serviceOutput()).isTrue();
        System.out.printf("1 GiB (%s) through media-service (-Xmx%s, s3proxy): upload %d ms (%.0f MiB/s), "
                + "download %d ms (%.0f MiB/s)%n", framing, HEAP, upload.toMillis(), 1024 * 1000.0 / upload.toMillis(),
                download.toMillis(), 1024 * 1000.0 / download.toMillis());

        // Frees s3proxy's heap for the next test.
        HttpResponse<Void> purged = http.send(HttpRequest.newBuilder(base.resolve("/media/" + id + "/versions"))
                .header("Authorization", Tokens.bearer(Tokens.admin())).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(purged.statusCode()).isEqualTo(204);
    }

    private static String serviceOutput() throws IOException {
        List<String> lines = Files.readAllLines(serviceLog);
        return "\n--- service output (last lines) ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An MP4 signature followed by generated bytes, made while read and hashed on the way: nothing held in memory. */
    private static final class GeneratedMp4 extends InputStream {

        private static final byte[] HEAD = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' };

        private final long size;
        private final MessageDigest digest = sha256();
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedMp4(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                if (at < HEAD.length) {
                    buffer[offset + i] = HEAD[(int) at];
                } else {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    buffer[offset + i] = (byte) state;
                }
            }
            digest.update(buffer, offset, n);
            position += n;
            return n;
        }

        String sha256Hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
