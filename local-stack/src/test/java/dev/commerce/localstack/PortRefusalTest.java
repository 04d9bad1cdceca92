package dev.commerce.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.commerce.backends.PortTakenException;
import dev.commerce.backends.WorkDir;

/**
 * A service port that another process already answers on (here: an impostor that reports itself ready) makes the
 * start refuse, instead of taking that process for the service.
 */
class PortRefusalTest {

    @TempDir
    Path logs;

    @Test
    void startRefusesAServicePortThatAnotherProcessAnswersOn() throws Exception {
        HttpServer impostor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        impostor.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        impostor.start();
        int taken = impostor.getAddress().getPort();
        ServicePorts free = ServicePorts.free();
        ServicePorts ports = new ServicePorts(free.catalog(), taken, free.session(), free.media());
        long self = ProcessHandle.current().pid();
        List<Path> heldBefore = WorkDir.heldBy(self);
        try {
            assertThatThrownBy(() -> RunningSystem.start(Path.of("..").toAbsolutePath().normalize(), logs, "s3",
                    new Console(), system -> {
                    }, Map.of(), ports))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessageContaining("Port " + taken + " for order-service is already in use by pid " + self);
            assertThat(WorkDir.heldBy(self)).as("nothing was started").isEqualTo(heldBefore);
        } finally {
            impostor.stop(0);
        }
    }
}
