package dev.commerce.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** JSON bodies that cannot be read, wrong routes, methods, media types and sizes: a 4xx problem, never a 500. */
@QuarkusTest
class BadInputTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void jsonBodiesThatCannotBeReadAreProblems() {
        problem(json().body("{\"filename\": ").post("/media/uploads"), 400)
                .body("type", equalTo("urn:problem:malformed-body"));
        problem(json().body("[\"a.png\"]").post("/media/uploads"), 400)
                .body("type", equalTo("urn:problem:malformed-body"))
                .body("detail", equalTo("The request body must be an object"));
        problem(json().body(Map.of("public", "maybe")).post("/media/uploads"), 400)
                .body("type", equalTo("urn:problem:validation"))
                .body("errors[0].field", equalTo("public"))
                .body("errors[0].message", equalTo("must be true or false"));
        problem(json().body(Map.of("contentType", "image/png", "contentLength", "big")).post("/media/presigned-uploads"), 400)
                .body("errors[0].field", equalTo("contentLength"))
                .body("errors[0].message", equalTo("must be a whole number"));
        problem(json().post("/media/presigned-uploads"), 400)
                .body("type", equalTo("urn:problem:validation"));
    }

    @Test
    void aLimitThatIsNoNumberIsA400NotA404() {
        for (String limit : new String[] { "many", "0", "101" }) {
            problem(as().queryParam("limit", limit).get("/media"), 400)
                    .body("type", equalTo("urn:problem:validation"))
                    .body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void wrongRoutesMethodsAndMediaTypesAreProblems() {
        problem(as().get("/no-such-thing"), 404).body("type", equalTo("urn:problem:not-found"));
        problem(as().patch("/media/uploads"), 405).body("type", equalTo("urn:problem:method-not-allowed"));
        problem(as().contentType(ContentType.TEXT).body("filename=a.png").post("/media/uploads"), 415)
                .body("type", equalTo("urn:problem:unsupported-media-type"));
    }

    @Test
    void aDeclaredLengthOverTheServerCeilingIsAProblem() throws IOException {
        // Beyond quarkus.http.limits.max-body-size (above the media limits): refused before anything is read.
        RawHttp.Reply reply = RawHttp.send(root, "POST", "/media",
                Map.of("Authorization", Tokens.bearer(Tokens.customer("bob")), "Content-Type", "image/png"),
                200L * 1024 * 1024, InputStream.nullInputStream());

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.headers().get("content-type")).startsWith(Problem.MEDIA_TYPE);
        assertThat(reply.body()).contains("urn:problem:payload-too-large").contains("\"status\":413");
    }

    private static RequestSpecification as() {
        return given().header("Authorization", Tokens.bearer(Tokens.customer("bob")));
    }

    private static RequestSpecification json() {
        return as().contentType(ContentType.JSON);
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("detail", not(containsString("Exception")));
    }
}
