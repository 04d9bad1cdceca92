package dev.commerce.order;

import static dev.commerce.order.support.Checkouts.checkout;
import static dev.commerce.order.support.Checkouts.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.order.support.FakeDependencies;
import dev.commerce.order.support.FakeDependenciesResource;
import dev.commerce.order.support.PackagedDatabaseResource;
import dev.commerce.testing.PackagedApplicationContract;
import dev.commerce.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged service (target/quarkus-app, or the native executable with -Pnative) in its prod profile, on an
 * embedded PostgreSQL from the local backends (migrated by Flyway at start-up), with catalog-service and
 * session-service played by fakes: platform endpoints, token checks, and an order placed, stored and read back.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(FakeDependenciesResource.class)
@QuarkusTestResource(value = PackagedDatabaseResource.class, restrictToAnnotatedClass = true)
class PackagedApplicationIT extends PackagedApplicationContract {

    private final FakeDependencies deps = FakeDependencies.get();

    @Override
    protected String storeCheckName() {
        return "Reactive PostgreSQL connections health check";
    }

    @Override
    protected String protectedPath() {
        return "/orders";
    }

    @Test
    void orderIsStoredInPostgresAndReadBack() {
        String customer = "packaged-" + UUID.randomUUID();
        String item = product(deps, 10, 250);
        String session = deps.cart(customer, Map.of(item, 2));
        String orderId = checkout(customer, UUID.randomUUID().toString(), session)
                .then().statusCode(201)
                .extract().path("id");

        given().auth().oauth2(Tokens.customer(customer)).get("/orders/{id}", orderId)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(orderId));
        given().auth().oauth2(Tokens.customer(customer)).get("/orders")
                .then().statusCode(200)
                .body("items.id", hasItem(orderId));
        given().auth().oauth2(Tokens.admin()).get("/orders/{id}/history", orderId)
                .then().statusCode(200);
    }

    @Test
    void unreadableBodyIsABadRequestProblem() {
        given().auth().oauth2(Tokens.customer("packaged-customer")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"sessionId\":")
                .post("/orders")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400));
    }

    @Test
    void someoneElsesOrderIsANotFoundProblem() {
        given().auth().oauth2(Tokens.customer("packaged-stranger")).get("/orders/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }
}
