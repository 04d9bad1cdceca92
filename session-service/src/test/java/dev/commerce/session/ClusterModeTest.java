package dev.commerce.session;

import static dev.commerce.session.support.Api.as;
import static dev.commerce.session.support.Api.asService;
import static dev.commerce.session.support.Api.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.commerce.backends.Redis;
import dev.commerce.session.support.Api.CustomerSession;
import dev.commerce.session.support.CatalogServer;
import dev.commerce.session.support.Profiles;
import dev.commerce.session.support.RedisClusterResource;
import dev.commerce.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The whole feature set against a real three-master Redis Cluster through the cluster client: every script and
 * multi-key command must stay within one hash slot, or the cluster refuses it (CROSSSLOT) and the request fails.
 */
@QuarkusTest
@TestProfile(Profiles.Cluster.class)
class ClusterModeTest {

    @TestHTTPResource("/events")
    URL eventsUrl;

    @Test
    void sessionsCartsLocksLimitsTrendingAndSnapshotsWorkOnACluster() {
        given().get("/q/health/ready").then().statusCode(200);
        CatalogServer catalog = CatalogServer.current();
        catalog.reset();
        catalog.active("tea", "Green tea", 450);

        String subject = "clustered-" + UUID.randomUUID();
        CustomerSession laptop = login(subject);
        CustomerSession phone = login(subject);
        laptop.json().body(Map.of("productId", "tea", "quantity", 2)).post("/cart/lines")
                .then().statusCode(200).body("lines[0].product.name", equalTo("Green tea"));
        laptop.json().body(Map.of("quantity", 3)).put("/cart/lines/tea").then().statusCode(200);

        String lock = asService().contentType(ContentType.JSON).body(Map.of("ttlMs", 10_000))
                .post("/internal/locks/cart:" + laptop.sessionId()).then().statusCode(201).extract().path("token");
        laptop.json().body(Map.of("productId", "tea", "quantity", 1)).post("/cart/lines").then().statusCode(409);
        asService().get("/internal/sessions/" + laptop.sessionId() + "/cart")
                .then().statusCode(200).body("lines[0].quantity", equalTo(3));
        asService().delete("/internal/sessions/" + laptop.sessionId() + "/cart").then().statusCode(204);
        asService().header("X-Lock-Token", lock).delete("/internal/locks/cart:" + laptop.sessionId()).then().statusCode(204);

        asService().contentType(ContentType.JSON).body(Map.of("key", subject)).post("/internal/rate-limits/checkout")
                .then().statusCode(200).body("allowed", equalTo(true)).body("remaining", equalTo(4));
        asService().contentType(ContentType.JSON)
                .body(Map.of("orderId", "o-" + UUID.randomUUID(), "items", List.of(Map.of("productId", "tea", "quantity", 4))))
                .post("/internal/trending/purchases").then().statusCode(202);
        asService().queryParam("window", "24h").get("/trending")
                .then().statusCode(200).body("items[0].productId", equalTo("tea")).body("items[0].score", equalTo(4));
        asService().delete("/internal/product-snapshots/tea").then().statusCode(204);

        as(laptop.bearer()).get("/sessions").then().statusCode(200).body("items", hasSize(2));
        as(laptop.bearer()).delete("/subjects/" + subject + "/sessions").then().statusCode(200).body("revoked", equalTo(2));
        phone.request().get("/sessions/current").then().statusCode(401);

        // The keys really are spread over the masters, not all in one node's slots.
        CustomerSession[] others = { login("a-" + UUID.randomUUID()), login("b-" + UUID.randomUUID()),
                login("c-" + UUID.randomUUID()), login("d-" + UUID.randomUUID()), login("e-" + UUID.randomUUID()) };
        assertThat(others).allSatisfy(session -> session.request().get("/sessions/current").then().statusCode(200));
        List<Redis> nodes = RedisClusterResource.cluster().nodes();
        assertThat(nodes.stream().filter(node -> Long.parseLong(node.command("DBSIZE")) > 0).count()).isGreaterThan(1);
    }

    @Test
    void sessionEventsTravelOverClusterPubSub() throws Exception {
        CatalogServer.current().active("cup", "Tea cup", 1200);
        CustomerSession session = login("streamer-" + UUID.randomUUID());
        HttpRequest open = HttpRequest.newBuilder(URI.create(eventsUrl.toString()))
                .header("Authorization", Tokens.bearer(session.bearer()))
                .header("X-Session-Token", session.token())
                .build();
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(open, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> stream.body().filter(line -> line.startsWith("data:")).forEach(data::add));
        assertThat(data.poll(15, TimeUnit.SECONDS)).contains("\"type\":\"subscribed\"");

        session.json().body(Map.of("productId", "cup", "quantity", 1)).post("/cart/lines").then().statusCode(200);
        assertThat(data.poll(15, TimeUnit.SECONDS)).contains("\"type\":\"cart-changed\"", session.sessionId());
        stream.body().close();
    }
}
