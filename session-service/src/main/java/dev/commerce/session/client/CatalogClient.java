package dev.commerce.session.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.commerce.common.auth.ServiceAuthorization;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** catalog-service's product read API (see the internal HTTP contract). Called through {@link CatalogGateway}. */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/products")
public interface CatalogClient {

    /** At most this many ids per call. */
    int MAX_BATCH = 100;

    @POST
    @Path("/batch-get")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<BatchGetResponse> batchGet(BatchGetRequest request);

    record BatchGetRequest(List<String> ids) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BatchGetResponse(List<CatalogProduct> items, List<String> missing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogProduct(String id, String sku, String name, String category, Price price, Long stock, String status,
            Long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Price(Long amount, String currency) {
    }

    /** 5xx means catalog-service is in trouble (worth retrying); 4xx means this call is wrong (never retried). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return response.getStatus() >= 500
                ? new CatalogUnavailableException("catalog-service answered " + response.getStatus())
                : new CatalogRejectedException("catalog-service refused the call with " + response.getStatus());
    }
}
