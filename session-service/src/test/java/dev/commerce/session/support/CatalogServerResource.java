package dev.commerce.session.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Starts the {@link CatalogServer} for every test application and points the catalog REST client at it. */
@WithTestResource(value = CatalogServerResource.class, scope = TestResourceScope.GLOBAL)
public class CatalogServerResource implements QuarkusTestResourceLifecycleManager {

    private CatalogServer server;

    @Override
    public Map<String, String> start() {
        server = CatalogServer.start();
        return Map.of("quarkus.rest-client.catalog.url", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.down();
        }
    }
}
