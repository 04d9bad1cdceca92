package dev.commerce.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.commerce.backends.ChildProcess;
import dev.commerce.backends.DevJwtKeys;
import dev.commerce.backends.LoopbackPorts;
import dev.commerce.backends.Redis;
import dev.commerce.testing.Tokens;
import dev.commerce.testing.Readiness;

/**
 * Two instances of the packaged service share one redis-server: a customer's event stream opened on one instance
 * receives the cart changes and session revocations made through the other, and nothing of other customers.
 */
class EventStreamsAcrossInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Redis redis;
    private static DevJwtKeys keys;
    private static final List<ChildProcess> instances = new ArrayList<>();
    private static String first;
    private static String second;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void twoInstancesOnOneRedis() {
        redis = new Redis();
        redis.start();
        keys = DevJwtKeys.temporary();
        System.setProperty("smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());
        first = startInstance("first");
        second = startInstance("second");
    }

    @AfterAll
    static void stopAll() {
        instances.forEach(ChildProcess::stop);
        if (redis != null) {
            redis.close();
        }
        if (keys != null) {
            keys.delete();
        }
    }

    private static String startInstance(String name) {
        int port = LoopbackPorts.freePort();
        String runner = System.getProperty("session-service.runner");
        ChildProcess instance = new ChildProcess("session-service-" + name,
                List.of(ChildProcess.javaLauncher(), "-jar", runner),
                Map.of("PORT", Integer.toString(port),
                        "QUARKUS_HTTP_HOST", LoopbackPorts.HOST,
                        "REDIS_URL", redis.url(),
                        "JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toUri().toString(),
                        "CATALOG_URL", "http://" + LoopbackPorts.HOST + ":" + LoopbackPorts.freePort()),
                logDirectory());
        instances.add(instance);
        String url = "http://" + LoopbackPorts.HOST + ":" + port;
        instance.start(Duration.ofSeconds(60), () -> Readiness.isReady(url));
        return url;
    }

    /** Instance logs stay in target/ for a look after a failure. */
    private static Path logDirectory() {
        try {
            return Files.createDirectories(Path.of("target", "instance-logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eventsFromEitherInstanceReachTheOwnersStream() throws Exception {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        JsonNode streamed = createSession(first, alice);
        JsonNode other = createSession(second, alice);
        JsonNode bobs = createSession(second, bob);

        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = http.send(request(first, "/events", alice, streamed).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual().start(() -> stream.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> events.add(parse(line.substring("data:".length())))));

        assertThat(next(events).path("type").asText()).isEqualTo("subscribed");

        addToCart(second, bob, bobs);
        addToCart(second, alice, other);
        JsonNode changed = next(events);
        assertThat(changed.path("type").asText()).isEqualTo("cart-changed");
        assertThat(changed.path("subject").asText()).isEqualTo(alice);
        assertThat(changed.path("sessionId").asText()).isEqualTo(other.path("sessionId").asText());
        assertThat(changed.path("cartVersion").asLong()).isEqualTo(1);

        addToCart(first, alice, streamed);
        assertThat(next(events).path("sessionId").asText()).isEqualTo(streamed.path("sessionId").asText());

        HttpResponse<String> revoked = http.send(request(second, "/sessions/" + streamed.path("sessionId").asText(), alice, null)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(204);
        JsonNode revocation = next(events);
        assertThat(revocation.path("type").asText()).isEqualTo("session-revoked");
        assertThat(revocation.path("sessionId").asText()).isEqualTo(streamed.path("sessionId").asText());

        // The stream of a revoked session ends, and nothing of bob's ever showed up in it.
        reader.join(WAIT);
        assertThat(reader.isAlive()).isFalse();
        assertThat(events).allSatisfy(event -> assertThat(event.path("subject").asText()).isEqualTo(alice));
    }

    private JsonNode createSession(String instance, String subject) throws Exception {
        HttpResponse<String> created = http.send(request(instance, "/sessions", subject, null)
                .header("X-Forwarded-For", "198.18.0." + (1 + instances.size()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        return parse(created.body());
    }

    private void addToCart(String instance, String subject, JsonNode session) throws Exception {
        HttpResponse<String> added = http.send(request(instance, "/cart/lines", subject, session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"productId\":\"tea\",\"quantity\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    }

    private static HttpRequest.Builder request(String instance, String path, String subject, JsonNode session) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(instance + path))
                .timeout(WAIT)
                .header("Authorization", Tokens.bearer(Tokens.customer(subject)));
        if (session != null) {
            builder.header("X-Session-Token", session.path("token").asText());
        }
        return builder;
    }

    private static JsonNode next(BlockingQueue<JsonNode> events) throws InterruptedException {
        JsonNode event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within " + WAIT).isNotNull();
        return event;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + text, e);
        }
    }
}
