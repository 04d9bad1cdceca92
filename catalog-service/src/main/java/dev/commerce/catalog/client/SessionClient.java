package dev.commerce.catalog.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.commerce.common.auth.ServiceAuthorization;

/** session-service, as far as the catalog needs it: drop the cached snapshot of a changed product. */
@RegisterRestClient(configKey = "session")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/internal/product-snapshots")
public interface SessionClient {

    /** 204, also when nothing was cached (idempotent). */
    @DELETE
    @Path("/{productId}")
    void invalidate(@PathParam("productId") String productId);
}
