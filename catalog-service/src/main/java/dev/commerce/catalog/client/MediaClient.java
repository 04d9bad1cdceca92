package dev.commerce.catalog.client;

import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.commerce.common.auth.ServiceAuthorization;
import io.smallrye.mutiny.Uni;

/** media-service, as far as the catalog needs it: does a media id exist. */
@RegisterRestClient(configKey = "media")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/media")
public interface MediaClient {

    /** 200 with Content-Type, Content-Length and ETag when the media exists; 404 otherwise. */
    @HEAD
    @Path("/{id}")
    Uni<Response> head(@PathParam("id") String id);
}
