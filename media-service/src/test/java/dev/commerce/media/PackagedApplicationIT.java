package dev.commerce.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.testing.PackagedApplicationContract;
import dev.commerce.testing.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged service (target/quarkus-app, or the native executable with -Pnative) in its prod profile, on S3
 * (s3proxy) from the local backends through the Apache HTTP client: platform endpoints, token checks, and media
 * uploaded, listed and downloaded byte for byte.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT extends PackagedApplicationContract {

    @Override
    protected String storeCheckName() {
        return "media-store";
    }

    @Override
    protected String protectedPath() {
        return "/media";
    }

    @Test
    void mediaIsUploadedToS3AndDownloadedByteForByte() {
        String owner = Tokens.customer("packaged-" + System.nanoTime());
        byte[] png = Samples.png(64 * 1024);
        String id = given().header("Authorization", Tokens.bearer(owner)).contentType("image/png").body(png)
                .post("/media?filename=packaged.png")
                .then().statusCode(201)
                .extract().path("id");

        given().header("Authorization", Tokens.bearer(owner)).get("/media")
                .then().statusCode(200)
                .body("items.id", hasItem(id));
        byte[] downloaded = given().header("Authorization", Tokens.bearer(owner)).get("/media/{id}", id)
                .then().statusCode(200)
                .contentType("image/png")
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(png);
    }

    @Test
    void contentThatIsNotTheDeclaredTypeIsRejectedAsAProblem() {
        given().header("Authorization", Tokens.bearer(Tokens.customer("packaged-customer")))
                .contentType("image/png").body(Samples.jpeg(500))
                .post("/media")
                .then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem:unsupported-media-type"));
    }
}
