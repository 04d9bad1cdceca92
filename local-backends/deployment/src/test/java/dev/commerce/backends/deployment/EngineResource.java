package dev.commerce.backends.deployment;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The dev-mode test's application: where its PostgreSQL and its directory are, as it sees them. */
@Path("/engine")
public class EngineResource {

    @Inject
    Pool database;

    @ConfigProperty(name = "engine.dir")
    String directory;

    @GET
    public Uni<String> describe() {
        return database.query("select current_setting('port')").execute()
                .map(rows -> "engine: port=" + rows.iterator().next().getString(0) + " dir=" + directory);
    }
}
