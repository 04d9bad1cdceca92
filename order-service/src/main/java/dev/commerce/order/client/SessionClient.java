package dev.commerce.order.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.commerce.common.auth.ServiceAuthorization;
import io.smallrye.mutiny.Uni;

/** session-service's internal API: carts, locks, rate limits and the trending leaderboard (internal HTTP contract). */
@RegisterRestClient(configKey = "session")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
public interface SessionClient {

    @POST
    @Path("/locks/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> acquireLock(@PathParam("name") String name, LockRequest body);

    @DELETE
    @Path("/locks/{name}")
    Uni<Response> releaseLock(@PathParam("name") String name, @HeaderParam("X-Lock-Token") String token);

    @POST
    @Path("/rate-limits/{policy}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> checkRateLimit(@PathParam("policy") String policy, RateLimitRequest body);

    @GET
    @Path("/sessions/{sessionId}/cart")
    Uni<Response> cart(@PathParam("sessionId") String sessionId);

    @DELETE
    @Path("/sessions/{sessionId}/cart")
    Uni<Response> clearCart(@PathParam("sessionId") String sessionId);

    @POST
    @Path("/trending/purchases")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> reportPurchase(PurchaseReport body);

    record LockRequest(long ttlMs) {
    }

    record RateLimitRequest(String key) {
    }

    record PurchaseReport(String orderId, List<Item> items) {
    }

    record Item(String productId, int quantity) {
    }
}
