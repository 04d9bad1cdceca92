package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.activeProduct;
import static dev.commerce.catalog.support.CatalogApi.admin;
import static dev.commerce.catalog.support.CatalogApi.customer;
import static dev.commerce.catalog.support.CatalogApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.commerce.catalog.support.PeerServer;
import dev.commerce.catalog.support.PeerServer.Mode;
import dev.commerce.catalog.support.PeerServices;
import dev.commerce.common.api.Problem;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Attaching media asks media-service (a real HTTP server here) whether the media exists. The failure test runs
 * last: it trips the shared circuit breaker and waits for it to close again.
 */
@QuarkusTest
@WithTestResource(value = PeerServices.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductMediaTest {

    @Test
    @Order(1)
    void attachingChecksTheMediaExistsAndIsIdempotent() {
        PeerServer media = PeerServices.server();
        String product = activeProduct("media", 1);
        String image = uniqueId("m");
        media.addMedia(image);

        admin().put("/products/{id}/media/{mediaId}", product, image)
                .then().statusCode(200).header("ETag", "\"2\"").body("mediaIds", contains(image));
        int asked = media.mediaRequests();
        admin().put("/products/{id}/media/{mediaId}", product, image)
                .then().statusCode(200).header("ETag", "\"2\"").body("mediaIds", contains(image));
        assertThat(media.mediaRequests()).as("an attached id is not checked again").isEqualTo(asked);

        admin().put("/products/{id}/media/{mediaId}", product, uniqueId("unknown"))
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:problem:unknown-media"));
        admin().put("/products/{id}/media/{mediaId}", uniqueId("missing"), image).then().statusCode(404);

        admin().delete("/products/{id}/media/{mediaId}", product, image)
                .then().statusCode(200).header("ETag", "\"3\"").body("mediaIds", empty());
        admin().delete("/products/{id}/media/{mediaId}", product, image)
                .then().statusCode(200).header("ETag", "\"3\"").body("mediaIds", empty());
    }

    @Test
    @Order(2)
    void whileMediaServiceFailsAttachingFailsFastAndReadingWorks() {
        PeerServer media = PeerServices.server();
        String product = activeProduct("media", 1);
        String image = uniqueId("m");
        media.addMedia(image);
        try {
            media.mediaMode(Mode.SLOW);
            admin().put("/products/{id}/media/{mediaId}", product, image)
                    .then().statusCode(503).contentType(Problem.MEDIA_TYPE).header("Retry-After", notNullValue());
            media.mediaMode(Mode.FAILING);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                int before = media.mediaRequests();
                admin().put("/products/{id}/media/{mediaId}", product, image).then().statusCode(503);
                assertThat(media.mediaRequests()).as("open breaker: media-service is not called").isEqualTo(before);
            });

            media.stop();
            admin().put("/products/{id}/media/{mediaId}", product, image).then().statusCode(503).contentType(Problem.MEDIA_TYPE);
            customer().get("/products/{id}", product).then().statusCode(200).body("mediaIds", empty());
        } finally {
            media.mediaMode(Mode.NORMAL);
            media.start();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> admin().put("/products/{id}/media/{mediaId}", product, image)
                .then().statusCode(200).body("mediaIds", contains(image)));
        String second = uniqueId("m");
        media.addMedia(second);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> admin().put("/products/{id}/media/{mediaId}", product, second)
                .then().statusCode(200).body("mediaIds", contains(image, second)));
    }
}
