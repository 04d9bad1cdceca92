package dev.commerce.media.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.media.RawHttp;
import dev.commerce.media.Samples;
import dev.commerce.media.config.MediaConfig;
import dev.commerce.media.domain.StaleUploadSweeper;
import dev.commerce.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The upload contract both stores honour: size limits, broken-off bodies, multipart uploads and their cleanup, and
 * hostile names in every client-supplied string.
 */
abstract class MediaUploadsContract extends MediaApiSupport {

    static final int MIB = 1024 * 1024;

    @TestHTTPResource("/")
    URI root;

    @Inject
    MediaConfig config;

    @Inject
    StaleUploadSweeper sweeper;

    @Inject
    MeterRegistry metrics;

    // ---- limits and broken-off uploads -------------------------------------------------------------------------

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws IOException {
        String token = newCustomer();
        long tooLong = config.upload().maxSize().asLongValue() + 1;

        RawHttp.Reply reply = RawHttp.send(root, "POST", "/media", headers(token, "image/png"), tooLong,
                new ByteArrayInputStream(Samples.png(1024)));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.headers().get("content-type")).startsWith(Problem.MEDIA_TYPE);
        assertThat(reply.body()).contains("urn:problem:payload-too-large");
        as(token).get("/media").then().body("items", hasSize(0));
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void aChunkedBodyRunningOverTheLimitIsRefusedAndLeavesNothing() throws IOException {
        String token = newCustomer();
        long limit = config.upload().maxSize().asLongValue();

        RawHttp.Reply reply = RawHttp.send(root, "POST", "/media", headers(token, "image/png"), null,
                pngStream(limit + 2 * MIB));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("urn:problem:payload-too-large");
        as(token).get("/media").then().body("items", hasSize(0));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stagingLeftovers()).isEmpty());
    }

    @Test
    void aChunkedBodyWithinTheLimitIsStored() throws IOException {
        String token = newCustomer();
        byte[] bytes = Samples.png(12 * MIB + 12345);

        RawHttp.Reply reply = RawHttp.send(root, "POST", "/media", headers(token, "image/png"), null,
                new ByteArrayInputStream(bytes));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.body()).contains(Samples.sha256(bytes));
        String id = reply.headers().get("location").replaceAll(".*/", "");
        assertThat(download(token, id)).isEqualTo(bytes);
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void anUploadBrokenOffMidwayLeavesNoItemAndNoStagingData() throws IOException {
        String token = newCustomer();
        double interruptedBefore = interruptedUploads();

        RawHttp.sendPartially(root, "/media", headers(token, "image/png"), 5 * MIB, Samples.png(MIB));

        await().atMost(Duration.ofSeconds(30)).until(() -> interruptedUploads() > interruptedBefore);
        as(token).get("/media").then().body("items", hasSize(0));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stagingLeftovers()).isEmpty());
    }

    @Test
    void jsonBodiesHaveTheirOwnSmallLimit() throws IOException {
        String token = newCustomer();
        long tooLong = config.maxJsonBody().asLongValue() + 1;

        RawHttp.Reply reply = RawHttp.send(root, "POST", "/media/uploads", headers(token, "application/json"), tooLong,
                new ByteArrayInputStream(new byte[1024]));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("JSON bodies are limited");
    }

    // ---- multipart uploads -----------------------------------------------------------------------------------

    @Test
    void aMultipartUploadJoinsItsPartsIntoOneCheckedItem() {
        String token = newCustomer();
        byte[] part1 = Samples.mp4(5 * MIB);
        byte[] part2 = Samples.png(MIB + 7);
        String uploadId = initiate(token, Map.of("filename", "clip.mp4"));

        as(token).get("/media/uploads").then().statusCode(200).body("items.uploadId", hasItem(uploadId));
        String etag1 = uploadPart(token, uploadId, 1, part1);
        String etag2 = uploadPart(token, uploadId, 2, part2);
        as(token).get("/media/uploads/" + uploadId + "/parts").then().statusCode(200)
                .body("partNumber", org.hamcrest.Matchers.contains(1, 2)).body("size[0]", equalTo(part1.length));

        ExtractableResponse<Response> completed = complete(token, uploadId, List.of(part(1, etag1), part(2, etag2)));

        assertThat(completed.statusCode()).as(completed.body().asString()).isEqualTo(201);
        byte[] whole = Samples.concat(part1, part2);
        assertThat((String) completed.path("contentType")).isEqualTo("video/mp4");
        assertThat((String) completed.path("sha256")).isEqualTo(Samples.sha256(whole));
        assertThat((Integer) completed.path("size")).isEqualTo(whole.length);
        assertThat((String) completed.path("filename")).isEqualTo("clip.mp4");
        assertThat(download(token, completed.path("id"))).isEqualTo(whole);
        as(token).get("/media/uploads").then().body("items.uploadId", not(hasItem(uploadId)));
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void aPartReplacedByAnotherUploadOfTheSameNumberKeepsOnlyTheNewOne() {
        String token = newCustomer();
        String uploadId = initiate(token, Map.of());
        uploadPart(token, uploadId, 1, Samples.pdf(1000));
        byte[] replacement = Samples.pdf(2000);
        String etag = uploadPart(token, uploadId, 1, replacement);

        as(token).get("/media/uploads/" + uploadId + "/parts").then().body("size", org.hamcrest.Matchers.contains(2000));
        ExtractableResponse<Response> completed = complete(token, uploadId, List.of(part(1, etag)));

        assertThat(completed.statusCode()).isEqualTo(201);
        assertThat(download(token, completed.path("id"))).isEqualTo(replacement);
    }

    @Test
    void completingChecksThePartList() {
        String token = newCustomer();
        String uploadId = initiate(token, Map.of());
        String etag1 = uploadPart(token, uploadId, 1, Samples.png(MIB));
        String etag2 = uploadPart(token, uploadId, 2, Samples.png(MIB));

        complete(token, uploadId, List.of(part(1, "\"0000\""))).response().then().statusCode(400)
                .body("type", equalTo("urn:problem:invalid-part-list")).body("errors[0].field", equalTo("parts[0].etag"));
        complete(token, uploadId, List.of(part(2, etag2), part(1, etag1))).response().then().statusCode(400)
                .body("errors.field", hasItem("parts[1].partNumber"));
        complete(token, uploadId, List.of(part(1, etag1), part(2, etag2))).response().then().statusCode(400)
                .body("errors[0].field", equalTo("parts[0]"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("not the last part"));
        complete(token, uploadId, List.of()).response().then().statusCode(400);

        // Still in progress: a valid list completes it.
        complete(token, uploadId, List.of(part(1, etag1))).response().then().statusCode(201);
    }

    @Test
    void completedContentIsCheckedLikeAnyUpload() {
        String token = newCustomer();
        String uploadId = initiate(token, Map.of());
        String etag = uploadPart(token, uploadId, 1, Samples.html());

        complete(token, uploadId, List.of(part(1, etag))).response().then().statusCode(415);

        as(token).get("/media").then().body("items", hasSize(0));
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void partsNeedALengthAndStayWithinTheirLimit() throws IOException {
        String token = newCustomer();
        String uploadId = initiate(token, Map.of());

        RawHttp.Reply chunked = RawHttp.send(root, "PUT", "/media/uploads/" + uploadId + "/parts/1",
                headers(token, "application/octet-stream"), null, new ByteArrayInputStream(new byte[100]));
        assertThat(chunked.status()).isEqualTo(411);

        RawHttp.Reply tooLarge = RawHttp.send(root, "PUT", "/media/uploads/" + uploadId + "/parts/1",
                headers(token, "application/octet-stream"), config.multipart().maxPartSize().asLongValue() + 1,
                new ByteArrayInputStream(new byte[100]));
        assertThat(tooLarge.status()).isEqualTo(413);

        as(token).contentType("application/octet-stream").body(new byte[10]).put("/media/uploads/" + uploadId + "/parts/0")
                .then().statusCode(400);
        as(token).contentType("application/octet-stream").body(new byte[10])
                .put("/media/uploads/" + uploadId + "/parts/10001").then().statusCode(400);
    }

    @Test
    void anAbortedUploadIsGone() {
        String token = newCustomer();
        String uploadId = initiate(token, Map.of());
        uploadPart(token, uploadId, 1, Samples.png(1000));

        as(token).delete("/media/uploads/" + uploadId).then().statusCode(204);
        as(token).delete("/media/uploads/" + uploadId).then().statusCode(204);

        as(token).get("/media/uploads").then().body("items", hasSize(0));
        as(token).contentType("application/octet-stream").body(Samples.png(10)).put("/media/uploads/" + uploadId + "/parts/1")
                .then().statusCode(404);
        as(token).get("/media/uploads/" + uploadId + "/parts").then().statusCode(404);
    }

    @Test
    void staleUploadsAreAbortedBySweeping() {
        String token = newCustomer();
        String uploadId = initiate(token, Map.of());
        uploadPart(token, uploadId, 1, Samples.png(1000));

        int removed = sweeper.sweep(Instant.now().plus(Duration.ofMinutes(1)));

        assertThat(removed).isPositive();
        as(token).get("/media/uploads").then().body("items", hasSize(0));
        as(token).get("/media/uploads/" + uploadId + "/parts").then().statusCode(404);
    }

    @Test
    void recentUploadsSurviveSweeping() {
        String token = newCustomer();
        String uploadId = initiate(token, Map.of());

        sweeper.sweep(Instant.now().minus(config.multipart().staleAfter()));

        as(token).get("/media/uploads").then().body("items.uploadId", hasItem(uploadId));
    }

    @Test
    void anotherCustomersUploadIsInvisibleAndUntouchable() {
        String alice = newCustomer();
        String bob = newCustomer();
        String uploadId = initiate(alice, Map.of());
        String etag = uploadPart(alice, uploadId, 1, Samples.png(1000));

        as(bob).get("/media/uploads").then().body("items", hasSize(0));
        as(bob).get("/media/uploads/" + uploadId + "/parts").then().statusCode(404);
        as(bob).contentType("application/octet-stream").body(Samples.png(10)).put("/media/uploads/" + uploadId + "/parts/2")
                .then().statusCode(404);
        complete(bob, uploadId, List.of(part(1, etag))).response().then().statusCode(404);
        as(bob).delete("/media/uploads/" + uploadId).then().statusCode(204);

        as(alice).get("/media/uploads").then().body("items.uploadId", hasItem(uploadId));
    }

    // ---- hostile input ---------------------------------------------------------------------------------------

    @Test
    void traversalAttemptsNeverReachAKeyOrPath() {
        String subject = newSubject();
        String token = Tokens.customer(subject);
        String id = as(token).queryParam("filename", "../../etc/passwd\r\nX-Evil: 1.png").contentType("image/png")
                .body(Samples.png(100)).post("/media").then().statusCode(201).extract().path("id");

        as(token).get("/media/" + id + "/metadata").then().body("filename", equalTo("passwd__X-Evil_ 1.png"));
        String disposition = as(token).get("/media/" + id).then().statusCode(200).extract().header("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"passwd__X-Evil_ 1.png\"").doesNotContain("\r", "\n");

        for (String hostileId : List.of("..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", id + "%2F..", id.toUpperCase() + "x")) {
            as(token).urlEncodingEnabled(false).get("/media/" + hostileId).then().statusCode(404);
            as(token).urlEncodingEnabled(false).head("/media/" + hostileId).then().statusCode(404);
            as(token).urlEncodingEnabled(false).delete("/media/" + hostileId).then().statusCode(404);
            as(token).urlEncodingEnabled(false).get("/media/uploads/" + hostileId + "/parts").then().statusCode(404);
        }
        for (String hostileVersion : List.of("../../etc/passwd", "..%2F..", "v1/../..")) {
            as(token).queryParam("versionId", hostileVersion).get("/media/" + id).then().statusCode(400);
        }
        as(token).urlEncodingEnabled(false).post("/media/" + id + "/versions/..%2F..%2Fx/restore").then().statusCode(400)
                .body("errors[0].field", equalTo("versionId"));
        as(token).post("/media/" + id + "/versions/.../restore").then().statusCode(404);
        as(Tokens.admin()).queryParam("owner", "../../" + subject).get("/media").then().statusCode(200)
                .body("items", hasSize(0));
        as(token).queryParam("storageClass", "../GLACIER").contentType("image/png").body(Samples.png(10)).post("/media")
                .then().statusCode(400).body("errors[0].field", equalTo("storageClass"));

        assertThat(download(token, id)).hasSize(100);
        assertNothingOutsideTheStore();
    }

    /** Store-specific: no file or key was created from client input. */
    protected abstract void assertNothingOutsideTheStore();

    // ---- helpers ---------------------------------------------------------------------------------------------

    static String initiate(String token, Map<String, Object> body) {
        return as(token).contentType("application/json").body(body).post("/media/uploads").then().statusCode(201)
                .extract().path("uploadId");
    }

    static String uploadPart(String token, String uploadId, int partNumber, byte[] bytes) {
        return as(token).contentType("application/octet-stream").body(bytes)
                .put("/media/uploads/" + uploadId + "/parts/" + partNumber).then().statusCode(200)
                .body("size", equalTo(bytes.length)).extract().path("etag");
    }

    static Map<String, Object> part(int number, String etag) {
        return Map.of("partNumber", number, "etag", etag);
    }

    static ExtractableResponse<Response> complete(String token, String uploadId, List<Map<String, Object>> parts) {
        return as(token).contentType("application/json").body(Map.of("parts", parts))
                .post("/media/uploads/" + uploadId + "/complete").then().extract();
    }

    static Map<String, String> headers(String token, String contentType) {
        return Map.of("Authorization", Tokens.bearer(token), "Content-Type", contentType);
    }

    static InputStream pngStream(long length) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= length) {
                    return -1;
                }
                return position < Samples.PNG_SIGNATURE.length ? Samples.PNG_SIGNATURE[(int) position++] & 0xFF
                        : (int) (position++ & 0x7F);
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(count, length - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return n;
            }
        };
    }

    private double interruptedUploads() {
        var counter = metrics.find("media.uploads").tags("kind", "direct", "outcome", "upload-interrupted").counter();
        return counter == null ? 0 : counter.count();
    }
}
