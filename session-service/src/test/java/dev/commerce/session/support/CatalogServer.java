package dev.commerce.session.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.commerce.backends.LoopbackPorts;

/**
 * A real HTTP server speaking catalog-service's product read contract ({@code POST /products/batch-get}), which
 * tests can make fail (500), hang until released, or go down and come back on the same port. It counts every
 * request and every product id asked for, so tests can prove how often the service really calls catalog-service.
 */
public final class CatalogServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A held request is answered at the latest after this, so no test can hang forever. */
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(30);

    private static volatile CatalogServer current;

    private final int port;
    private final Map<String, Map<String, Object>> products = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookupsById = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    /** 0 to answer normally, otherwise the error status every request gets. */
    private volatile int failureStatus;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private CatalogServer(int port) {
        this.port = port;
    }

    /** The server of the running test application. */
    public static CatalogServer current() {
        return current;
    }

    static CatalogServer start() {
        CatalogServer started = new CatalogServer(LoopbackPorts.freePort());
        started.up();
        current = started;
        return started;
    }

    public String url() {
        return "http://" + LoopbackPorts.HOST + ":" + port;
    }

    /** Serves (again) on the same port. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LoopbackPorts.HOST), port), 50);
            executor = Executors.newCachedThreadPool();
            created.setExecutor(executor);
            created.createContext("/products/batch-get", this::batchGet);
            created.start();
            server = created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public synchronized void down() {
        release();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Restores normal service and forgets counts and products. */
    public void reset() {
        up();
        failureStatus = 0;
        release();
        products.clear();
        lookupsById.clear();
        requests.set(0);
        unauthenticated.set(0);
    }

    /** Every request is answered with this error status (500: catalog broken; 400: this caller is wrong). */
    public void failWith(int status) {
        this.failureStatus = status;
    }

    public void recover() {
        this.failureStatus = 0;
    }

    /** Requests from now on wait until {@link #release()}, like a catalog that has stopped answering. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    public void product(String id, String name, long amount, String status, long stock) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", id);
        product.put("sku", "SKU-" + id);
        product.put("name", name);
        product.put("description", "A fine " + name);
        product.put("category", "tests");
        product.put("price", Map.of("amount", amount, "currency", "EUR"));
        product.put("stock", stock);
        product.put("status", status);
        product.put("mediaIds", List.of());
        product.put("version", products.containsKey(id) ? ((Number) products.get(id).get("version")).longValue() + 1 : 1);
        product.put("createdAt", "2026-01-01T00:00:00Z");
        product.put("updatedAt", "2026-01-01T00:00:00Z");
        products.put(id, product);
    }

    public void active(String id, String name, long amount) {
        product(id, name, amount, "ACTIVE", 100);
    }

    public int requests() {
        return requests.get();
    }

    /** How many requests asked for this product. */
    public int lookups(String productId) {
        AtomicInteger count = lookupsById.get(productId);
        return count == null ? 0 : count.get();
    }

    public int unauthenticatedRequests() {
        return unauthenticated.get();
    }

    private void batchGet(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                unauthenticated.incrementAndGet();
                respond(exchange, 401, Map.of("type", "urn:problem:unauthorized", "status", 401));
                return;
            }
            JsonNode ids = JSON.readTree(body).path("ids");
            ids.forEach(id -> lookupsById.computeIfAbsent(id.asText(), key -> new AtomicInteger()).incrementAndGet());
            awaitRelease();
            int failure = failureStatus;
            if (failure != 0) {
                respond(exchange, failure, Map.of("type", "urn:problem:test-failure", "status", failure));
                return;
            }
            List<Object> items = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            ids.forEach(id -> {
                Map<String, Object> product = products.get(id.asText());
                if (product == null) {
                    missing.add(id.asText());
                } else {
                    items.add(product);
                }
            });
            respond(exchange, 200, Map.of("items", items, "missing", missing));
        }
    }

    private void awaitRelease() {
        try {
            hold.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
