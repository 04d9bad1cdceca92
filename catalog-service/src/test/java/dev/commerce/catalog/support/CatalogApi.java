package dev.commerce.catalog.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.commerce.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls of the catalog's HTTP API shared by the tests. */
public final class CatalogApi {

    private CatalogApi() {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(Tokens.admin());
    }

    public static RequestSpecification service() {
        return as(Tokens.service());
    }

    public static RequestSpecification customer() {
        return as(Tokens.customer("alice"));
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static Map<String, Object> product(String id, String category, String name, long stock, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("sku", skuOf(id));
        body.put("name", name);
        body.put("description", "A product for tests");
        body.put("category", category);
        body.put("price", Map.of("amount", 1999, "currency", "EUR"));
        body.put("stock", stock);
        body.put("status", status);
        return body;
    }

    /** The SKU {@link #product} gives the product with this id. */
    public static String skuOf(String id) {
        return "SKU-" + id.substring(Math.max(0, id.length() - 40));
    }

    /** Creates an ACTIVE product with this stock and returns its id. */
    public static String activeProduct(String category, long stock) {
        String id = uniqueId("p");
        admin().body(product(id, category, "Product " + id, stock, "ACTIVE")).post("/products").then().statusCode(201);
        return id;
    }

    public static long stockOf(String id) {
        return admin().get("/products/{id}?consistent=true", id).then().statusCode(200).extract().jsonPath().getLong("stock");
    }

    public static Map<String, Object> reservation(Map<String, Integer> quantities) {
        List<Map<String, Object>> lines = quantities.entrySet().stream()
                .map(e -> Map.<String, Object>of("productId", e.getKey(), "quantity", e.getValue())).toList();
        return Map.of("lines", lines);
    }
}
