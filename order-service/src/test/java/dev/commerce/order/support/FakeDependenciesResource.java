package dev.commerce.order.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the catalog and session REST clients at {@link FakeDependencies}. Only the port is chosen here; the
 * server itself starts in the tests' class loader, where the tests control it.
 */
public class FakeDependenciesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String port = System.getProperty(FakeDependencies.PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(freePort());
            System.setProperty(FakeDependencies.PORT_PROPERTY, port);
        }
        String url = "http://127.0.0.1:" + port;
        return Map.of("quarkus.rest-client.catalog.url", url, "quarkus.rest-client.session.url", url);
    }

    @Override
    public void stop() {
        // The server belongs to the tests' class loader and ends with the JVM.
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
