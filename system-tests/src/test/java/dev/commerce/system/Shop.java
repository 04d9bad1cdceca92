package dev.commerce.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import dev.commerce.localstack.RunningSystem;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.parsing.Parser;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The public HTTP APIs of the four services, as a client uses them. Every call goes over the network to the
 * packaged services; nothing here touches a store.
 */
public final class Shop {

    public static final String PROBLEM_JSON = "application/problem+json";

    static {
        RestAssured.registerParser(PROBLEM_JSON, Parser.JSON);
    }

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", 30_000));

    private final RunningSystem system;
    private final String admin;

    Shop(RunningSystem system) {
        this.system = system;
        this.admin = system.token("system-test-admin", "admin");
    }

    public RunningSystem system() {
        return system;
    }

    /** Generous waits for what happens asynchronously (outbox steps, restarts) on a busy machine. */
    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .pollDelay(Duration.ZERO).ignoreExceptions();
    }

    /** A customer of their own (unique subject, so no rate limit or order list is shared between tests). */
    public Customer newCustomer(String name) {
        String subject = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Customer(subject, system.token(subject, "customer"));
    }

    public String admin() {
        return admin;
    }

    public RequestSpecification as(String bearer) {
        return given().config(CONFIG).header("Authorization", "Bearer " + bearer);
    }

    public String catalog() {
        return system.url("catalog-service");
    }

    public String orders() {
        return system.url("order-service");
    }

    public String sessions() {
        return system.url("session-service");
    }

    public String media() {
        return system.url("media-service");
    }

    // ---- catalog ----------------------------------------------------------------------------------------

    /** A fresh category name, so a test's listings hold only its own products. */
    public static String newCategory() {
        return "st-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an ACTIVE product (admin) and returns its id. */
    public String createProduct(String category, String name, long priceCents, int stock) {
        Map<String, Object> body = Map.of(
                "sku", "ST-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase(),
                "name", name,
                "category", category,
                "price", Map.of("amount", priceCents, "currency", "EUR"),
                "stock", stock,
                "status", "ACTIVE");
        Response created = as(admin).contentType("application/json").body(body).post(catalog() + "/products");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return created.path("id");
    }

    /** Stock by a strongly consistent read. */
    public int stock(String productId) {
        Response product = as(admin).queryParam("consistent", true).get(catalog() + "/products/" + productId);
        assertThat(product.statusCode()).as(product.asString()).isEqualTo(200);
        return product.<Integer>path("stock");
    }

    /** A reservation as catalog holds it (admin may read them): RESERVED, COMMITTED or RELEASED. */
    public String reservationStatus(String orderId) {
        Response reservation = as(admin).get(catalog() + "/internal/reservations/" + orderId);
        assertThat(reservation.statusCode()).as(reservation.asString()).isEqualTo(200);
        return reservation.path("status");
    }

    // ---- sessions and carts -----------------------------------------------------------------------------

    public Session openSession(Customer customer) {
        Response created = as(customer.token()).post(sessions() + "/sessions");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return new Session(created.path("sessionId"), created.path("token"));
    }

    public Response addToCart(Customer customer, Session session, String productId, int quantity) {
        return as(customer.token()).header("X-Session-Token", session.token()).contentType("application/json")
                .body(Map.of("productId", productId, "quantity", quantity))
                .post(sessions() + "/cart/lines");
    }

    public void fillCart(Customer customer, Session session, Map<String, Integer> lines) {
        lines.forEach((productId, quantity) -> {
            Response added = addToCart(customer, session, productId, quantity);
            assertThat(added.statusCode()).as(added.asString()).isEqualTo(200);
        });
    }

    /** The cart's lines as {@code [{productId, quantity, ...}]}. */
    public List<Map<String, Object>> cartLines(Customer customer, Session session) {
        Response cart = as(customer.token()).header("X-Session-Token", session.token()).get(sessions() + "/cart");
        assertThat(cart.statusCode()).as(cart.asString()).isEqualTo(200);
        return cart.path("lines");
    }

    /** Units of {@code productId} on the trending board of the last hour (0 when absent). */
    public int trendingScore(Customer customer, String productId) {
        Response trending = as(customer.token()).queryParam("window", "1h").queryParam("limit", 100)
                .get(sessions() + "/trending");
        assertThat(trending.statusCode()).as(trending.asString()).isEqualTo(200);
        List<Map<String, Object>> items = trending.path("items");
        return items.stream().filter(item -> productId.equals(item.get("productId")))
                .mapToInt(item -> ((Number) item.get("score")).intValue()).findFirst().orElse(0);
    }

    // ---- orders -----------------------------------------------------------------------------------------

    public Response checkout(Customer customer, Session session, String idempotencyKey) {
        return as(customer.token()).header("Idempotency-Key", idempotencyKey).contentType("application/json")
                .body(Map.of("sessionId", session.id()))
                .post(orders() + "/orders");
    }

    public Response order(String bearer, String orderId) {
        return as(bearer).get(orders() + "/orders/" + orderId);
    }

    public Response cancel(String bearer, String orderId) {
        return as(bearer).post(orders() + "/orders/" + orderId + "/cancel");
    }

    /** The customer's orders, read from the writer. */
    public List<Map<String, Object>> ordersOf(Customer customer) {
        Response list = as(customer.token()).queryParam("consistent", true).queryParam("limit", 100)
                .get(orders() + "/orders");
        assertThat(list.statusCode()).as(list.asString()).isEqualTo(200);
        return list.path("items");
    }

    public record Customer(String subject, String token) {
    }

    public record Session(String id, String token) {
    }
}
