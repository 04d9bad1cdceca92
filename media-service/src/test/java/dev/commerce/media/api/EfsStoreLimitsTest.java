package dev.commerce.media.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.media.EfsStore;
import dev.commerce.media.Samples;
import dev.commerce.media.StoreContents;
import dev.commerce.media.config.MediaConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What EFS cannot do is answered plainly (501), and its version history is bounded. */
@QuarkusTest
@TestProfile(EfsStore.class)
class EfsStoreLimitsTest extends MediaApiSupport {

    @Inject
    MediaConfig config;

    @Override
    protected List<String> stagingLeftovers() {
        return StoreContents.efsLeftovers(config.efs().root());
    }

    @Test
    void presignedUrlsAreNotImplementedOnEfs() {
        String token = newCustomer();
        String id = uploadedPng(token);
        String uploadId = MediaUploadsContract.initiate(token, Map.of());

        as(token).get("/media/" + id + "/download-url").then().statusCode(501).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:problem:not-supported"));
        as(token).contentType("application/json").body(Map.of("contentType", "image/png", "contentLength", 10))
                .post("/media/presigned-uploads").then().statusCode(501);
        as(token).post("/media/presigned-uploads/" + uploadId + "/finalize").then().statusCode(501);
        as(token).post("/media/uploads/" + uploadId + "/parts/1/presigned-url").then().statusCode(501);
    }

    @Test
    void storageClassesOtherThanStandardAreNotImplementedOnEfs() {
        String token = newCustomer();

        upload(token, Samples.png(100), "image/png", "storageClass=STANDARD_IA").response().then().statusCode(501)
                .body("type", equalTo("urn:problem:not-supported"));
        upload(token, Samples.png(100), "image/png", "storageClass=STANDARD").response().then().statusCode(201)
                .body("storageClass", equalTo("STANDARD"));
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void onlyTheNewestVersionsAreKept() {
        String token = newCustomer();
        byte[] first = Samples.png(200);
        String id = uploaded(token, first, "image/png");
        String firstVersion = as(token).get("/media/" + id + "/metadata").then().extract().path("versionId");
        int maxVersions = config.efs().maxVersions();

        for (int i = 0; i < maxVersions; i++) {
            as(token).header("If-Match", etagOf(token, id)).contentType("image/png").body(Samples.png(300 + i))
                    .put("/media/" + id + "/content").then().statusCode(200);
        }

        List<String> kept = as(token).queryParam("limit", 100).get("/media/" + id + "/versions").then().statusCode(200)
                .extract().path("items.versionId");
        assertThat(kept).hasSize(maxVersions).doesNotContain(firstVersion);
        as(token).queryParam("versionId", firstVersion).get("/media/" + id).then().statusCode(404);
    }
}
