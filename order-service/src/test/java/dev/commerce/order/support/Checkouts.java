package dev.commerce.order.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import dev.commerce.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Test shorthands: a product in the fake catalog and a checkout request. */
public final class Checkouts {

    private Checkouts() {
    }

    public static String product(FakeDependencies deps, long stock, long price) {
        String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
        deps.product(id, stock, price);
        return id;
    }

    public static Response checkout(String customer, String key, String sessionId) {
        return given().auth().oauth2(Tokens.customer(customer)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Map.of("sessionId", sessionId))
                .when().post("/orders");
    }
}
