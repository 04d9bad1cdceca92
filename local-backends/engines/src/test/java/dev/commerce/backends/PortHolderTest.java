package dev.commerce.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class PortHolderTest {

    @TempDir
    Path logs;

    @Test
    void aStartRefusesAPortAnsweredByAProcessItDidNotStart() throws Exception {
        // An impostor that answers every readiness probe with 200, on the port the child is meant to listen on.
        HttpServer impostor = HttpServer.create(new InetSocketAddress(LoopbackPorts.HOST, 0), 0);
        impostor.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        impostor.start();
        int port = impostor.getAddress().getPort();
        try {
            ChildProcess child = new ChildProcess("never-listens", List.of("sleep", "300"), Map.of(), logs);

            assertThatThrownBy(() -> child.start(Duration.ofSeconds(60), port, () -> answers200(port)))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessageContaining("Port " + port + " is answered by pid " + ProcessHandle.current().pid());
            assertThat(child.isAlive()).isFalse();
            assertThat(answers200(port)).as("the impostor was answering all along").isTrue();
        } finally {
            impostor.stop(0);
        }
    }

    @Test
    void anEngineHoldsItsOwnPort() {
        try (Redis redis = new Redis()) {
            redis.start();
            assertThat(PortHolder.isTaken(redis.port())).isTrue();
            assertThat(PortHolder.isHeldBy(redis.port(), ProcessHandle.current())).as("held by a child").isTrue();
            assertThat(PortHolder.describeHolder(redis.port())).contains("redis-server");
            redis.stop();
            assertThat(PortHolder.isTaken(redis.port())).isFalse();
        }
    }

    private static boolean answers200(int port) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + LoopbackPorts.HOST + ":" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
