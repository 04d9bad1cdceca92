package dev.commerce.catalog.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the {@link PeerServer} for the whole test suite and points both REST clients at it. */
public class PeerServices implements QuarkusTestResourceLifecycleManager {

    private static volatile PeerServer server;

    public static PeerServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new PeerServer();
        server.start();
        return Map.of("quarkus.rest-client.media.url", server.url(), "quarkus.rest-client.session.url", server.url());
    }

    @Override
    public void stop() {
        server.close();
    }
}
