package dev.commerce.media.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import dev.commerce.media.Samples;
import dev.commerce.media.StoreContents;
import dev.commerce.media.config.MediaConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import software.amazon.awssdk.services.s3.S3Client;

/** Presigned URLs against s3proxy, which checks SigV4 signatures and expiry like S3 does. */
@QuarkusTest
class S3PresignedUrlsTest extends MediaApiSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    S3Client s3;

    @Inject
    MediaConfig config;

    @Override
    protected List<String> stagingLeftovers() {
        return StoreContents.s3Leftovers(s3, config.bucket());
    }

    // ---- download URLs ---------------------------------------------------------------------------------------

    @Test
    void aDownloadUrlServesTheContentStraightFromTheBucket() throws Exception {
        String token = newCustomer();
        byte[] bytes = Samples.png(4096);
        String id = uploaded(token, bytes, "image/png");

        ExtractableResponse<Response> presigned = as(token).get("/media/" + id + "/download-url").then()
                .statusCode(200).body("method", equalTo("GET")).extract();

        Instant expiresAt = Instant.parse(presigned.path("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
        HttpResponse<byte[]> fetched = get(URI.create(presigned.path("url")));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(bytes);
        assertThat(fetched.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment;"));
    }

    @Test
    void aTamperedDownloadUrlIsRejected() throws Exception {
        String token = newCustomer();
        String id = uploadedPng(token);
        String other = uploadedPng(newCustomer());
        String url = as(token).get("/media/" + id + "/download-url").then().statusCode(200).extract().path("url");

        String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        String flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);

        assertThat(get(URI.create(url.replace(signature, flipped))).statusCode()).isEqualTo(403);
        assertThat(get(URI.create(url.replace(id, other))).statusCode()).isEqualTo(403);
        assertThat(get(URI.create(url)).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredDownloadUrlIsRejected() {
        String token = newCustomer();
        String id = uploadedPng(token);
        URI url = URI.create(as(token).queryParam("expiresInSeconds", 1).get("/media/" + id + "/download-url")
                .then().statusCode(200).extract().path("url"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(url).statusCode() == 403);
    }

    @Test
    void expiryIsBoundedAndUrlsFollowReadAccess() {
        String token = newCustomer();
        String id = uploadedPng(token);

        as(token).queryParam("expiresInSeconds", 601).get("/media/" + id + "/download-url").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("expiresInSeconds"));
        as(token).queryParam("expiresInSeconds", 0).get("/media/" + id + "/download-url").then().statusCode(400);
        as(newCustomer()).get("/media/" + id + "/download-url").then().statusCode(404);
    }

    // ---- upload URLs -----------------------------------------------------------------------------------------

    @Test
    void aPresignedUploadBecomesAMediaItemOnceFinalized() throws Exception {
        String token = newCustomer();
        byte[] bytes = Samples.jpeg(300_000);
        ExtractableResponse<Response> ticket = presignUpload(token, "image/jpeg", bytes.length, "camera.jpg");

        HttpResponse<byte[]> put = put(ticket, bytes, Map.of());
        assertThat(put.statusCode()).as(new String(put.body())).isEqualTo(200);

        ExtractableResponse<Response> created = as(token).post("/media/presigned-uploads/" + ticket.path("uploadId")
                + "/finalize").then().statusCode(201).extract();
        assertThat((String) created.path("sha256")).isEqualTo(Samples.sha256(bytes));
        assertThat((String) created.path("contentType")).isEqualTo("image/jpeg");
        assertThat((String) created.path("filename")).isEqualTo("camera.jpg");
        assertThat(download(token, created.path("id"))).isEqualTo(bytes);
        as(token).post("/media/presigned-uploads/" + ticket.path("uploadId") + "/finalize").then().statusCode(404);
    }

    @Test
    void anUploadUrlIsBoundToItsContentTypeLengthAndSignature() throws Exception {
        String token = newCustomer();
        byte[] bytes = Samples.png(2000);
        ExtractableResponse<Response> ticket = presignUpload(token, "image/png", bytes.length, null);

        assertThat(put(ticket, bytes, Map.of("Content-Type", "text/html")).statusCode()).isEqualTo(403);
        assertThat(put(ticket, Samples.png(2001), Map.of()).statusCode()).isIn(400, 403);
        String url = ticket.path("url");
        String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        String tampered = url.replace(signature, (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1));
        assertThat(send(URI.create(tampered), "PUT", ticket.path("headers"), bytes, Map.of()).statusCode()).isEqualTo(403);

        as(token).post("/media/presigned-uploads/" + ticket.path("uploadId") + "/finalize").then().statusCode(404);
    }

    @Test
    void finalizingChecksTheBytesAndDeletesRefusedObjects() throws Exception {
        String token = newCustomer();
        byte[] html = Samples.html();
        ExtractableResponse<Response> ticket = presignUpload(token, "image/png", html.length, null);
        assertThat(put(ticket, html, Map.of()).statusCode()).isEqualTo(200);

        as(token).post("/media/presigned-uploads/" + ticket.path("uploadId") + "/finalize").then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE);

        as(token).post("/media/presigned-uploads/" + ticket.path("uploadId") + "/finalize").then().statusCode(404);
        as(token).get("/media").then().body("items", org.hamcrest.Matchers.hasSize(0));
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void onlyTheCustomerWhoAskedForAnUploadUrlCanFinalizeIt() throws Exception {
        String alice = newCustomer();
        byte[] bytes = Samples.gif(500);
        ExtractableResponse<Response> ticket = presignUpload(alice, "image/gif", bytes.length, null);
        assertThat(put(ticket, bytes, Map.of()).statusCode()).isEqualTo(200);

        as(newCustomer()).post("/media/presigned-uploads/" + ticket.path("uploadId") + "/finalize").then()
                .statusCode(404);
        as(alice).post("/media/presigned-uploads/" + ticket.path("uploadId") + "/finalize").then().statusCode(201);
    }

    @Test
    void uploadUrlRequestsAreValidated() {
        String token = newCustomer();

        as(token).contentType("application/json").body(Map.of("contentType", "text/html", "contentLength", 10))
                .post("/media/presigned-uploads").then().statusCode(415);
        as(token).contentType("application/json").body(Map.of("contentType", "image/png", "contentLength", 17 * 1024 * 1024))
                .post("/media/presigned-uploads").then().statusCode(413);
        as(token).contentType("application/json").body(Map.of("contentType", "image/png", "contentLength", 0))
                .post("/media/presigned-uploads").then().statusCode(400).body("errors[0].field", equalTo("contentLength"));
        as(token).contentType("application/json")
                .body(Map.of("contentType", "image/png", "contentLength", 10, "storageClass", "GLACIER"))
                .post("/media/presigned-uploads").then().statusCode(400).body("errors[0].field", equalTo("storageClass"));
    }

    // ---- presigned parts ---------------------------------------------------------------------------------------

    @Test
    void partsCanGoStraightToTheBucketWithPresignedPartUrls() throws Exception {
        String token = newCustomer();
        String uploadId = MediaUploadsContract.initiate(token, Map.of("filename", "doc.pdf"));
        byte[] bytes = Samples.pdf(70_000);

        ExtractableResponse<Response> partUrl = as(token)
                .post("/media/uploads/" + uploadId + "/parts/1/presigned-url").then().statusCode(200)
                .body("method", equalTo("PUT")).extract();
        HttpResponse<byte[]> put = put(partUrl, bytes, Map.of());
        assertThat(put.statusCode()).isEqualTo(200);
        String etag = put.headers().firstValue("ETag").orElseThrow();

        ExtractableResponse<Response> completed = MediaUploadsContract.complete(token, uploadId,
                List.of(MediaUploadsContract.part(1, etag)));

        assertThat(completed.statusCode()).as(completed.body().asString()).isEqualTo(201);
        assertThat(download(token, completed.path("id"))).isEqualTo(bytes);
    }

    // ---- storage options -------------------------------------------------------------------------------------

    @Test
    void storageClassComesFromTheAllowlist() {
        String token = newCustomer();

        ExtractableResponse<Response> created = upload(token, Samples.png(100), "image/png", "storageClass=STANDARD_IA");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat((String) created.path("storageClass")).isEqualTo("STANDARD_IA");
        upload(token, Samples.png(100), "image/png", "storageClass=GLACIER").response().then().statusCode(400);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static ExtractableResponse<Response> presignUpload(String token, String contentType, long length,
            String filename) {
        Map<String, Object> body = filename == null ? Map.of("contentType", contentType, "contentLength", length)
                : Map.of("contentType", contentType, "contentLength", length, "filename", filename);
        return as(token).contentType("application/json").body(body).post("/media/presigned-uploads").then()
                .statusCode(201).body("method", equalTo("PUT")).extract();
    }

    private static HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> put(ExtractableResponse<Response> presigned, byte[] body,
            Map<String, String> overrides) throws IOException, InterruptedException {
        return send(URI.create(presigned.path("url")), "PUT", presigned.path("headers"), body, overrides);
    }

    /** Sends the signed headers as handed out (the client sets Content-Length itself), some replaced. */
    private static HttpResponse<byte[]> send(URI url, String method, Map<String, String> signedHeaders, byte[] body,
            Map<String, String> overrides) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (signedHeaders != null) {
            signedHeaders.forEach((name, value) -> {
                boolean replaced = overrides.keySet().stream().anyMatch(name::equalsIgnoreCase);
                if (!name.equalsIgnoreCase("content-length") && !replaced) {
                    request.header(name, value);
                }
            });
        }
        overrides.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
