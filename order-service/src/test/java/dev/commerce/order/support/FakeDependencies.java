package dev.commerce.order.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * catalog-service's reservation API and session-service's internal API as the internal HTTP contract describes
 * them, in one real HTTP server that tests can make slow, failing or unreachable. Stock and reservations behave
 * like catalog's: reserve all lines or none, commit once, release returns stock exactly once.
 */
public final class FakeDependencies {

    /** Set by {@link FakeDependenciesResource}, which may live in another class loader than the tests. */
    static final String PORT_PROPERTY = "fake-dependencies.port";
    private static final FakeDependencies INSTANCE = new FakeDependencies();

    private final Map<String, Long> stock = new ConcurrentHashMap<>();
    private final Map<String, Long> prices = new ConcurrentHashMap<>();
    private final Set<String> inactive = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonObject> reservations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> restocks = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> carts = new ConcurrentHashMap<>();
    private final Map<String, String> locks = new ConcurrentHashMap<>();
    private final Map<String, JsonArray> purchases = new ConcurrentHashMap<>();
    private final AtomicInteger unauthenticatedCalls = new AtomicInteger();
    private final AtomicInteger catalogCalls = new AtomicInteger();
    private volatile boolean rateLimitAllows = true;
    private volatile int catalogFailureStatus;
    private volatile long catalogDelayMs;
    private volatile boolean failCommitsAndReleases;
    private volatile boolean rateLimiterFails;
    private volatile CountDownLatch catalogGate;
    private volatile int port;
    private volatile HttpServer server;

    private FakeDependencies() {
    }

    /** The server the application under test calls, started on the port the test resource configured. */
    public static FakeDependencies get() {
        INSTANCE.start();
        return INSTANCE;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        if (port == 0) {
            port = Integer.parseInt(System.getProperty(PORT_PROPERTY, "0"));
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        ClassLoader loader = FakeDependencies.class.getClassLoader();
        server.createContext("/internal/reservations/", exchange -> handle(loader, exchange, this::reservation));
        server.createContext("/internal/", exchange -> handle(loader, exchange, this::session));
        server.start();
    }

    /** Stops answering: connections are refused until {@link #start()} binds the same port again. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static void handle(ClassLoader loader, HttpExchange exchange, Handler handler) throws IOException {
        Thread.currentThread().setContextClassLoader(loader);
        try {
            handler.handle(exchange);
        } catch (RuntimeException e) {
            send(exchange, 500, problem("internal", 500).put("detail", e.toString()));
        }
    }

    // ---- test controls ----------------------------------------------------------------------------------

    public void product(String id, long stockLevel, long price) {
        stock.put(id, stockLevel);
        prices.put(id, price);
    }

    public void deactivate(String id) {
        inactive.add(id);
    }

    public String cart(String subject, Map<String, Integer> lines) {
        String sessionId = UUID.randomUUID().toString().replace("-", "");
        JsonArray array = new JsonArray();
        lines.forEach((product, quantity) -> array.add(new JsonObject().put("productId", product).put("quantity", quantity)));
        carts.put(sessionId, new JsonObject().put("sessionId", sessionId).put("subject", subject).put("lines", array).put("version", 1));
        return sessionId;
    }

    public long stock(String productId) {
        return stock.getOrDefault(productId, 0L);
    }

    public String reservationStatus(String orderId) {
        JsonObject reservation = reservations.get(orderId);
        return reservation == null ? null : reservation.getString("status");
    }

    public int restocks(String orderId) {
        return restocks.getOrDefault(orderId, new AtomicInteger()).get();
    }

    public int cartLines(String sessionId) {
        return carts.get(sessionId).getJsonArray("lines").size();
    }

    public boolean locked(String name) {
        return locks.containsKey(name);
    }

    public void lock(String name) {
        locks.put(name, "someone-else");
    }

    public JsonArray purchases(String orderId) {
        return purchases.get(orderId);
    }

    public int unauthenticatedCalls() {
        return unauthenticatedCalls.get();
    }

    public int catalogCalls() {
        return catalogCalls.get();
    }

    /** The rate-limit endpoint answers 503 (session-service's limiter in trouble). */
    public void rateLimiterFails(boolean fails) {
        rateLimiterFails = fails;
    }

    public void rateLimitAllows(boolean allows) {
        rateLimitAllows = allows;
    }

    /** Every catalog call answers this status (0: normal answers). */
    public void catalogFails(int status) {
        catalogFailureStatus = status;
    }

    /** Reservations still work; commit and release answer 503 (catalog failing right after a checkout). */
    public void failCommitsAndReleases(boolean fail) {
        failCommitsAndReleases = fail;
    }

    public void catalogDelay(long millis) {
        catalogDelayMs = millis;
    }

    /** Holds every catalog call until {@link #openCatalogGate()}. */
    public void closeCatalogGate() {
        catalogGate = new CountDownLatch(1);
    }

    public void openCatalogGate() {
        CountDownLatch gate = catalogGate;
        catalogGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    public void heal() {
        catalogFailureStatus = 0;
        catalogDelayMs = 0;
        rateLimitAllows = true;
        failCommitsAndReleases = false;
        rateLimiterFails = false;
        openCatalogGate();
        start();
    }

    // ---- catalog-service --------------------------------------------------------------------------------

    private void reservation(HttpExchange exchange) throws IOException {
        catalogCalls.incrementAndGet();
        checkAuthorization(exchange);
        try {
            CountDownLatch gate = catalogGate;
            if (gate != null) {
                gate.await(30, TimeUnit.SECONDS);
            }
            if (catalogDelayMs > 0) {
                Thread.sleep(catalogDelayMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (catalogFailureStatus > 0) {
            send(exchange, catalogFailureStatus, problem("unavailable", catalogFailureStatus));
            return;
        }
        String[] path = exchange.getRequestURI().getPath().substring("/internal/reservations/".length()).split("/");
        String orderId = path[0];
        String action = path.length > 1 ? path[1] : "";
        if (failCommitsAndReleases && !action.isEmpty()) {
            send(exchange, 503, problem("unavailable", 503));
            return;
        }
        synchronized (this) {
            switch (exchange.getRequestMethod() + " " + action) {
                case "PUT " -> reserve(exchange, orderId, new JsonObject(body(exchange)));
                case "POST commit" -> commit(exchange, orderId);
                case "POST release" -> release(exchange, orderId);
                default -> send(exchange, 405, problem("method-not-allowed", 405));
            }
        }
    }

    private void reserve(HttpExchange exchange, String orderId, JsonObject request) throws IOException {
        JsonObject existing = reservations.get(orderId);
        if (existing != null) {
            send(exchange, 200, existing);
            return;
        }
        JsonArray lines = request.getJsonArray("lines");
        List<String> unavailable = new ArrayList<>();
        JsonArray shortLines = new JsonArray();
        for (Object item : lines) {
            JsonObject line = (JsonObject) item;
            String product = line.getString("productId");
            if (!stock.containsKey(product) || inactive.contains(product)) {
                unavailable.add(product);
            } else if (stock.get(product) < line.getInteger("quantity")) {
                shortLines.add(new JsonObject().put("productId", product).put("requested", line.getInteger("quantity"))
                        .put("available", stock.get(product)));
            }
        }
        if (!unavailable.isEmpty()) {
            send(exchange, 422, problem("unavailable-products", 422).put("productIds", new JsonArray(unavailable)));
            return;
        }
        if (!shortLines.isEmpty()) {
            send(exchange, 409, problem("insufficient-stock", 409).put("shortLines", shortLines));
            return;
        }
        JsonArray reserved = new JsonArray();
        for (Object item : lines) {
            JsonObject line = (JsonObject) item;
            String product = line.getString("productId");
            stock.merge(product, -line.getLong("quantity"), Long::sum);
            reserved.add(line.copy().put("unitPrice", new JsonObject().put("amount", prices.get(product)).put("currency", "EUR")));
        }
        JsonObject reservation = new JsonObject().put("orderId", orderId).put("status", "RESERVED").put("lines", reserved)
                .put("expiresAt", "2099-01-01T00:00:00Z");
        reservations.put(orderId, reservation);
        send(exchange, 201, reservation);
    }

    private void commit(HttpExchange exchange, String orderId) throws IOException {
        JsonObject reservation = reservations.get(orderId);
        if (reservation == null) {
            send(exchange, 404, problem("not-found", 404));
        } else if ("RELEASED".equals(reservation.getString("status"))) {
            send(exchange, 409, problem("conflict", 409));
        } else {
            reservation.put("status", "COMMITTED");
            send(exchange, 200, reservation);
        }
    }

    private void release(HttpExchange exchange, String orderId) throws IOException {
        JsonObject reservation = reservations.get(orderId);
        if (reservation == null) {
            send(exchange, 404, problem("not-found", 404));
            return;
        }
        if (!"RELEASED".equals(reservation.getString("status"))) {
            for (Object item : reservation.getJsonArray("lines")) {
                JsonObject line = (JsonObject) item;
                stock.merge(line.getString("productId"), line.getLong("quantity"), Long::sum);
            }
            restocks.computeIfAbsent(orderId, key -> new AtomicInteger()).incrementAndGet();
            reservation.put("status", "RELEASED");
        }
        send(exchange, 200, reservation);
    }

    // ---- session-service --------------------------------------------------------------------------------

    private void session(HttpExchange exchange) throws IOException {
        checkAuthorization(exchange);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/internal/locks/")) {
            String name = path.substring("/internal/locks/".length());
            if (method.equals("POST")) {
                String token = UUID.randomUUID().toString();
                boolean acquired = locks.putIfAbsent(name, token) == null;
                send(exchange, acquired ? 201 : 409, acquired
                        ? new JsonObject().put("name", name).put("token", token).put("expiresAt", "2099-01-01T00:00:00Z")
                        : problem("lock-held", 409));
            } else if (method.equals("DELETE")) {
                String token = exchange.getRequestHeaders().getFirst("X-Lock-Token");
                String held = locks.get(name);
                if (held != null && !held.equals(token)) {
                    send(exchange, 409, problem("lock-held", 409));
                } else {
                    locks.remove(name);
                    send(exchange, 204, null);
                }
            }
        } else if (path.startsWith("/internal/rate-limits/") && rateLimiterFails) {
            send(exchange, 503, problem("unavailable", 503));
        } else if (path.startsWith("/internal/rate-limits/")) {
            send(exchange, 200, new JsonObject().put("allowed", rateLimitAllows).put("limit", 5)
                    .put("remaining", rateLimitAllows ? 4 : 0).put("resetSeconds", 42));
        } else if (path.equals("/internal/trending/purchases")) {
            JsonObject report = new JsonObject(body(exchange));
            purchases.putIfAbsent(report.getString("orderId"), report.getJsonArray("items"));
            send(exchange, 202, null);
        } else if (path.startsWith("/internal/sessions/") && path.endsWith("/cart")) {
            String sessionId = path.split("/")[3];
            JsonObject cart = carts.get(sessionId);
            if (method.equals("GET")) {
                send(exchange, cart == null ? 404 : 200, cart == null ? problem("not-found", 404) : cart);
            } else {
                if (cart != null) {
                    cart.put("lines", new JsonArray());
                }
                send(exchange, 204, null);
            }
        } else {
            send(exchange, 404, problem("not-found", 404));
        }
    }

    private void checkAuthorization(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            unauthenticatedCalls.incrementAndGet();
        }
    }

    private static JsonObject problem(String slug, int status) {
        return new JsonObject().put("type", "urn:problem:" + slug).put("title", slug).put("status", status);
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
