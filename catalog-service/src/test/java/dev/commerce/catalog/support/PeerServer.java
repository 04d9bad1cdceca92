package dev.commerce.catalog.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.commerce.backends.LoopbackPorts;

/**
 * media-service and session-service as far as the catalog calls them, implementing the documented contract on a
 * real HTTP server the tests control: it can answer normally, fail with 5xx, answer slowly, or be down (port
 * closed), and it records what it received.
 * <ul>
 * <li>{@code HEAD /media/{id}}: 200 with Content-Type, Content-Length and ETag for ids added with
 * {@link #addMedia}, 404 otherwise; 401 without a bearer token.</li>
 * <li>{@code DELETE /internal/product-snapshots/{productId}}: 204; 401 without a bearer token, 403 unless its
 * role is service.</li>
 * </ul>
 */
public final class PeerServer {

    public enum Mode {
        NORMAL, FAILING, SLOW
    }

    private final int port = LoopbackPorts.freePort();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Set<String> media = ConcurrentHashMap.newKeySet();
    private final AtomicInteger mediaRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> failuresToServe = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failedInvalidations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invalidations = new ConcurrentHashMap<>();
    private volatile Mode mediaMode = Mode.NORMAL;
    private volatile CountDownLatch slowAnswers = new CountDownLatch(1);
    private HttpServer server;

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(LoopbackPorts.HOST, port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.createContext("/media/", this::media);
        server.createContext("/internal/product-snapshots/", this::invalidate);
        server.start();
    }

    /** Closes the port: callers get connection refused. */
    public synchronized void stop() {
        slowAnswers.countDown();
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public void close() {
        stop();
        pool.shutdownNow();
    }

    public String url() {
        return "http://" + LoopbackPorts.HOST + ":" + port;
    }

    public void addMedia(String id) {
        media.add(id);
    }

    public void mediaMode(Mode mode) {
        if (mode == Mode.SLOW) {
            slowAnswers = new CountDownLatch(1);
        } else {
            slowAnswers.countDown();
        }
        mediaMode = mode;
    }

    public int mediaRequests() {
        return mediaRequests.get();
    }

    /** The next {@code count} invalidations of this product are answered 503. */
    public void failInvalidations(String productId, int count) {
        failuresToServe.put(productId, new AtomicInteger(count));
    }

    public int invalidations(String productId) {
        return invalidations.getOrDefault(productId, new AtomicInteger()).get();
    }

    public int failedInvalidations(String productId) {
        return failedInvalidations.getOrDefault(productId, new AtomicInteger()).get();
    }

    private void media(HttpExchange exchange) throws IOException {
        mediaRequests.incrementAndGet();
        String id = lastSegment(exchange);
        if (!"HEAD".equals(exchange.getRequestMethod())) {
            answer(exchange, 405);
        } else if (bearerRoles(exchange) == null) {
            answer(exchange, 401);
        } else if (mediaMode == Mode.FAILING) {
            answer(exchange, 500);
        } else {
            if (mediaMode == Mode.SLOW) {
                awaitRelease();
            }
            if (media.contains(id)) {
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.getResponseHeaders().add("ETag", "\"" + id.hashCode() + "\"");
                exchange.getResponseHeaders().add("Content-Length", "2048");
                answer(exchange, 200);
            } else {
                answer(exchange, 404);
            }
        }
    }

    private void invalidate(HttpExchange exchange) throws IOException {
        String productId = lastSegment(exchange);
        String roles = bearerRoles(exchange);
        if (!"DELETE".equals(exchange.getRequestMethod())) {
            answer(exchange, 405);
        } else if (roles == null) {
            answer(exchange, 401);
        } else if (!roles.contains("\"service\"")) {
            answer(exchange, 403);
        } else if (failuresToServe.getOrDefault(productId, new AtomicInteger()).getAndDecrement() > 0) {
            failedInvalidations.computeIfAbsent(productId, id -> new AtomicInteger()).incrementAndGet();
            answer(exchange, 503);
        } else {
            invalidations.computeIfAbsent(productId, id -> new AtomicInteger()).incrementAndGet();
            answer(exchange, 204);
        }
    }

    /** The groups claim of the bearer token (not verified: the catalog's own tokens are trusted here), or null. */
    private static String bearerRoles(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        int groups = claims.indexOf("\"groups\"");
        return groups < 0 ? "" : claims.substring(groups, claims.indexOf(']', groups) + 1);
    }

    private void awaitRelease() {
        try {
            slowAnswers.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastSegment(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
