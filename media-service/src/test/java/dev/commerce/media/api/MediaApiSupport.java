package dev.commerce.media.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dev.commerce.media.Samples;
import dev.commerce.testing.Tokens;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Requests the API tests share; every test makes its own owners, so tests never see each other's items. */
abstract class MediaApiSupport {

    /** What the store holds outside media items right now (staging objects, unfinished uploads' bytes). */
    protected abstract List<String> stagingLeftovers();

    /** A subject nobody else uses. */
    static String newSubject() {
        return "customer-" + UUID.randomUUID();
    }

    static String newCustomer() {
        return Tokens.customer(newSubject());
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    static ExtractableResponse<Response> upload(String token, byte[] bytes, String contentType, String query) {
        return as(token).contentType(contentType).body(bytes)
                .post("/media" + (query == null ? "" : "?" + query)).then().extract();
    }

    /** Uploads and returns the new item's id. */
    static String uploaded(String token, byte[] bytes, String contentType) {
        ExtractableResponse<Response> response = upload(token, bytes, contentType, null);
        assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(201);
        return response.path("id");
    }

    static String uploadedPng(String token) {
        return uploaded(token, Samples.png(2048), "image/png");
    }

    static byte[] download(String token, String id) {
        return as(token).get("/media/" + id).then().statusCode(200).extract().asByteArray();
    }

    static String etagOf(String token, String id) {
        return as(token).head("/media/" + id).then().statusCode(200).extract().header("ETag");
    }
}
