package dev.commerce.session.support;

import static io.restassured.RestAssured.given;

import java.util.concurrent.ThreadLocalRandom;

import dev.commerce.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls to the service under test, as the roles and sessions of the contract. */
public final class Api {

    public static final String SESSION_TOKEN = "X-Session-Token";

    private Api() {
    }

    /** A made-up client address, so tests do not share the per-address session creation limit. */
    public static String someClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public static RequestSpecification as(String bearerToken) {
        return given().header("Authorization", Tokens.bearer(bearerToken));
    }

    public static RequestSpecification asService() {
        return as(Tokens.service());
    }

    public static RequestSpecification asAdmin() {
        return as(Tokens.admin());
    }

    /** A new session of the customer. */
    public static CustomerSession login(String subject) {
        String bearer = Tokens.customer(subject);
        Response created = as(bearer).header("X-Forwarded-For", someClientAddress())
                .post("/sessions").then().statusCode(201).extract().response();
        return new CustomerSession(subject, bearer, created.path("sessionId"), created.path("token"));
    }

    /** A session of a customer: their bearer token and the session token. */
    public record CustomerSession(String subject, String bearer, String sessionId, String token) {

        public RequestSpecification request() {
            return given().header("Authorization", Tokens.bearer(bearer)).header(SESSION_TOKEN, token);
        }

        public RequestSpecification json() {
            return request().contentType(ContentType.JSON);
        }
    }
}
