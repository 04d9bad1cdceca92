package dev.commerce.media.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.commerce.common.api.Problem;
import dev.commerce.media.Samples;
import dev.commerce.testing.Tokens;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The media-item contract both stores honour: upload and content checks, download with ranges and validators,
 * versions, ownership, listing. Each store runs it through a subclass.
 */
abstract class MediaItemsContract extends MediaApiSupport {

    // ---- upload and download ----------------------------------------------------------------------------------

    @Test
    void uploadedContentRoundTripsWithItsMetadata() {
        String subject = newSubject();
        String token = Tokens.customer(subject);
        byte[] bytes = Samples.png(50_000);

        ExtractableResponse<Response> created = upload(token, bytes, "image/png", "filename=holiday.png");

        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/media/" + id);
        assertThat(created.header("ETag")).isEqualTo('"' + Samples.sha256(bytes) + '"');
        assertThat((String) created.path("owner")).isEqualTo(subject);
        assertThat((String) created.path("contentType")).isEqualTo("image/png");
        assertThat((Integer) created.path("size")).isEqualTo(bytes.length);
        assertThat((String) created.path("sha256")).isEqualTo(Samples.sha256(bytes));
        assertThat((String) created.path("filename")).isEqualTo("holiday.png");
        assertThat((Boolean) created.path("public")).isFalse();
        assertThat((String) created.path("versionId")).isNotBlank();

        ExtractableResponse<Response> downloaded = as(token).get("/media/" + id).then().statusCode(200).extract();
        assertThat(downloaded.asByteArray()).isEqualTo(bytes);
        assertThat(downloaded.contentType()).isEqualTo("image/png");
        assertThat(downloaded.header("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(downloaded.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(downloaded.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"holiday.png\"; filename*=UTF-8''holiday.png");
        assertThat(downloaded.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(downloaded.header("Accept-Ranges")).isEqualTo("bytes");

        as(token).get("/media/" + id + "/metadata").then().statusCode(200)
                .body("id", equalTo(id)).body("sha256", equalTo(Samples.sha256(bytes)));
    }

    @ParameterizedTest
    @CsvSource({ "jpeg,image/jpeg", "png,image/png", "gif,image/gif", "webp,image/webp", "pdf,application/pdf",
            "mp4,video/mp4" })
    void everyAllowedTypeIsRecognisedFromItsBytes(String kind, String mimeType) {
        IntFunction<byte[]> sample = switch (kind) {
            case "jpeg" -> Samples::jpeg;
            case "png" -> Samples::png;
            case "gif" -> Samples::gif;
            case "webp" -> Samples::webp;
            case "pdf" -> Samples::pdf;
            default -> Samples::mp4;
        };
        String token = newCustomer();

        // No declared type (octet-stream): the bytes decide.
        ExtractableResponse<Response> created = upload(token, sample.apply(1000), "application/octet-stream", null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat((String) created.path("contentType")).isEqualTo(mimeType);
        assertThat(as(token).head("/media/" + created.path("id")).then().extract().contentType()).isEqualTo(mimeType);
    }

    @Test
    void contentOutsideTheAllowlistIsRefusedAndNothingIsStored() {
        String token = newCustomer();

        for (byte[] refused : List.of(Samples.html(), Samples.svg(), Samples.quicktime(500), "just text".getBytes())) {
            upload(token, refused, "application/octet-stream", null).response().then()
                    .statusCode(415).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo("urn:problem:unsupported-media-type"));
        }

        as(token).get("/media").then().statusCode(200).body("items", hasSize(0));
        assertThat(stagingLeftovers()).isEmpty();
    }

    @Test
    void declaredTypeMustMatchTheBytes() {
        String token = newCustomer();

        upload(token, Samples.jpeg(500), "image/png", null).response().then()
                .statusCode(415).body("detail", containsString("Declared image/png but the content is image/jpeg"));
        upload(token, Samples.png(500), "text/html", null).response().then().statusCode(415);
        upload(token, Samples.png(500), "image/png; charset=binary", null).response().then().statusCode(201);

        as(token).get("/media").then().body("items", hasSize(1));
    }

    @Test
    void emptyBodyIsABadRequest() {
        as(newCustomer()).contentType("image/png").body(new byte[0]).post("/media")
                .then().statusCode(400).body("type", equalTo("urn:problem:empty-body"));
    }

    @Test
    void headAnswersWithTheRepresentationHeadersOnly() {
        String token = newCustomer();
        byte[] bytes = Samples.pdf(12_345);
        String id = uploaded(token, bytes, "application/pdf");

        ExtractableResponse<Response> head = as(token).head("/media/" + id).then().statusCode(200).extract();

        assertThat(head.contentType()).isEqualTo("application/pdf");
        assertThat(head.header("Content-Length")).isEqualTo("12345");
        assertThat(head.header("ETag")).isEqualTo('"' + Samples.sha256(bytes) + '"');
        assertThat(head.asByteArray()).isEmpty();
    }

    @Test
    void headForAnotherServiceAndForMissingItems() {
        String id = uploadedPng(newCustomer());

        as(Tokens.service()).head("/media/" + id).then().statusCode(200).header("ETag", notNullValue());
        as(Tokens.service()).head("/media/0190a5d8-0000-7000-8000-000000000000").then().statusCode(404);
        as(Tokens.service()).head("/media/not-a-media-id").then().statusCode(404);
        given().head("/media/" + id).then().statusCode(401);
        as(Tokens.expired("someone", "customer")).head("/media/" + id).then().statusCode(401);
    }

    // ---- ranges and validators --------------------------------------------------------------------------------

    @Test
    void rangesAreServedAsPartialContent() {
        String token = newCustomer();
        byte[] bytes = Samples.png(1000);
        String id = uploaded(token, bytes, "image/png");

        ExtractableResponse<Response> first = as(token).header("Range", "bytes=0-9").get("/media/" + id)
                .then().statusCode(206).extract();
        assertThat(first.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 0, 10));
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-9/1000");
        assertThat(first.header("Content-Length")).isEqualTo("10");

        ExtractableResponse<Response> suffix = as(token).header("Range", "bytes=-100").get("/media/" + id)
                .then().statusCode(206).extract();
        assertThat(suffix.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 900, 1000));

        ExtractableResponse<Response> open = as(token).header("Range", "bytes=990-").get("/media/" + id)
                .then().statusCode(206).extract();
        assertThat(open.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 990, 1000));
        assertThat(open.header("Content-Range")).isEqualTo("bytes 990-999/1000");

        ExtractableResponse<Response> beyond = as(token).header("Range", "bytes=500-5000").get("/media/" + id)
                .then().statusCode(206).extract();
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes 500-999/1000");
    }

    @Test
    void unsatisfiableRangeIs416AndOtherRangesServeEverything() {
        String token = newCustomer();
        String id = uploaded(token, Samples.png(1000), "image/png");

        as(token).header("Range", "bytes=1000-").get("/media/" + id).then()
                .statusCode(416).contentType(Problem.MEDIA_TYPE).header("Content-Range", "bytes */1000");
        // Several ranges, other units and malformed values are ignored: the whole content.
        for (String ignored : List.of("bytes=0-1,5-6", "items=0-1", "bytes=9-3", "bytes=abc")) {
            as(token).header("Range", ignored).get("/media/" + id).then().statusCode(200)
                    .header("Content-Length", "1000");
        }
    }

    @Test
    void validatorsAnswerNotModifiedAndGuardRanges() {
        String token = newCustomer();
        String id = uploadedPng(token);
        String etag = etagOf(token, id);

        as(token).header("If-None-Match", etag).get("/media/" + id).then().statusCode(304).header("ETag", etag);
        as(token).header("If-None-Match", "\"something-else\"").get("/media/" + id).then().statusCode(200);
        as(token).header("Range", "bytes=0-0").header("If-Range", etag).get("/media/" + id).then().statusCode(206);
        as(token).header("Range", "bytes=0-0").header("If-Range", "\"stale\"").get("/media/" + id).then()
                .statusCode(200);
    }

    // ---- versions --------------------------------------------------------------------------------------------

    @Test
    void replacingContentNeedsTheCurrentETagAndMakesANewVersion() {
        String token = newCustomer();
        byte[] first = Samples.png(3000);
        byte[] second = Samples.jpeg(4000);
        String id = uploaded(token, first, "image/png");
        String firstEtag = etagOf(token, id);

        as(token).contentType("image/jpeg").body(second).put("/media/" + id + "/content").then()
                .statusCode(428).contentType(Problem.MEDIA_TYPE);
        as(token).header("If-Match", "\"stale\"").contentType("image/jpeg").body(second).put("/media/" + id + "/content")
                .then().statusCode(412);

        ExtractableResponse<Response> replaced = as(token).header("If-Match", firstEtag).contentType("image/jpeg")
                .body(second).put("/media/" + id + "/content").then().statusCode(200).extract();

        assertThat((String) replaced.path("contentType")).isEqualTo("image/jpeg");
        assertThat(replaced.header("ETag")).isEqualTo('"' + Samples.sha256(second) + '"');
        assertThat(download(token, id)).isEqualTo(second);
        List<Map<String, Object>> versions = as(token).get("/media/" + id + "/versions").then().statusCode(200)
                .extract().path("items");
        assertThat(versions).hasSize(2);
        assertThat(versions.getFirst()).containsEntry("latest", true).containsEntry("deleteMarker", false);
        String oldVersion = (String) versions.get(1).get("versionId");
        assertThat(as(token).queryParam("versionId", oldVersion).get("/media/" + id).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(first);
    }

    @Test
    void restoringAnEarlierVersionMakesItCurrentAgain() {
        String token = newCustomer();
        byte[] first = Samples.gif(1500);
        String id = uploaded(token, first, "image/gif");
        String firstVersion = as(token).get("/media/" + id + "/metadata").then().extract().path("versionId");
        as(token).header("If-Match", etagOf(token, id)).contentType("image/png").body(Samples.png(800))
                .put("/media/" + id + "/content").then().statusCode(200);

        as(token).post("/media/" + id + "/versions/" + firstVersion + "/restore").then().statusCode(200)
                .body("sha256", equalTo(Samples.sha256(first))).body("versionId", not(equalTo(firstVersion)));

        assertThat(download(token, id)).isEqualTo(first);
        as(token).get("/media/" + id + "/versions").then().body("items", hasSize(3));
    }

    @Test
    void deleteIsSoftAndCanBeUndoneByRestoring() {
        String token = newCustomer();
        byte[] bytes = Samples.webp(900);
        String id = uploaded(token, bytes, "image/webp");

        as(token).delete("/media/" + id).then().statusCode(204);

        as(token).get("/media/" + id).then().statusCode(404);
        as(token).head("/media/" + id).then().statusCode(404);
        as(token).get("/media").then().body("items", hasSize(0));
        List<Map<String, Object>> versions = as(token).get("/media/" + id + "/versions").then().statusCode(200)
                .extract().path("items");
        assertThat(versions).hasSize(2);
        assertThat(versions.getFirst()).containsEntry("deleteMarker", true).containsEntry("latest", true);

        String contentVersion = (String) versions.get(1).get("versionId");
        as(token).post("/media/" + id + "/versions/" + contentVersion + "/restore").then().statusCode(200);

        assertThat(download(token, id)).isEqualTo(bytes);
        as(token).get("/media").then().body("items.id", org.hamcrest.Matchers.contains(id));
    }

    @Test
    void purgeRemovesEveryVersionAndIsForAdminsOnly() {
        String token = newCustomer();
        String id = uploadedPng(token);
        as(token).delete("/media/" + id).then().statusCode(204);

        as(token).delete("/media/" + id + "/versions").then().statusCode(403);
        as(Tokens.admin()).delete("/media/" + id + "/versions").then().statusCode(204);

        as(token).get("/media/" + id + "/versions").then().statusCode(404);
        as(Tokens.admin()).delete("/media/" + id + "/versions").then().statusCode(404);
    }

    @Test
    void versionsAreListedPageByPage() {
        String token = newCustomer();
        String id = uploadedPng(token);
        for (int i = 0; i < 2; i++) {
            as(token).header("If-Match", etagOf(token, id)).contentType("image/png").body(Samples.png(100 + i))
                    .put("/media/" + id + "/content").then().statusCode(200);
        }

        ExtractableResponse<Response> first = as(token).queryParam("limit", 2).get("/media/" + id + "/versions")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue()).extract();
        ExtractableResponse<Response> second = as(token).queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("nextCursor")).get("/media/" + id + "/versions")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue()).extract();

        List<String> all = new ArrayList<>(first.path("items.versionId"));
        all.addAll(second.path("items.versionId"));
        assertThat(all).doesNotHaveDuplicates().hasSize(3);
    }

    // ---- ownership -------------------------------------------------------------------------------------------

    @Test
    void aCustomerCannotReadListChangeOrDeleteAnothersMedia() {
        String alice = newCustomer();
        String bob = newCustomer();
        String id = uploadedPng(alice);
        String etag = etagOf(alice, id);

        as(bob).get("/media/" + id).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(bob).head("/media/" + id).then().statusCode(404);
        as(bob).get("/media/" + id + "/metadata").then().statusCode(404);
        as(bob).get("/media/" + id + "/versions").then().statusCode(404);
        as(bob).delete("/media/" + id).then().statusCode(404);
        as(bob).header("If-Match", etag).contentType("image/png").body(Samples.png(10)).put("/media/" + id + "/content")
                .then().statusCode(404);
        as(bob).get("/media").then().body("items", hasSize(0));

        assertThat(download(alice, id)).isNotEmpty();
        as(alice).get("/media").then().body("items.id", org.hamcrest.Matchers.contains(id));
    }

    @Test
    void adminsReachEveryonesMediaAndListAnyOwner() {
        String subject = newSubject();
        String alice = Tokens.customer(subject);
        String id = uploadedPng(alice);

        as(Tokens.admin()).get("/media/" + id).then().statusCode(200);
        as(Tokens.admin()).queryParam("owner", subject).get("/media").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(id));
        as(newCustomer()).queryParam("owner", subject).get("/media").then().statusCode(403);
        as(Tokens.service()).get("/media").then().statusCode(403);
        as(Tokens.admin()).delete("/media/" + id).then().statusCode(204);
        as(alice).get("/media/" + id).then().statusCode(404);
    }

    @Test
    void publicMediaAreReadableByAllButChangedOnlyByTheirOwners() {
        String customer = newCustomer();
        upload(customer, Samples.png(100), "image/png", "public=true").response().then().statusCode(403);

        String id = upload(Tokens.admin(), Samples.png(100), "image/png", "public=true").path("id");

        as(customer).get("/media/" + id).then().statusCode(200);
        as(customer).head("/media/" + id).then().statusCode(200);
        as(customer).get("/media/" + id + "/metadata").then().body("public", equalTo(true));
        as(customer).delete("/media/" + id).then().statusCode(403);
        as(customer).get("/media/" + id + "/versions").then().statusCode(403);
        as(customer).get("/media").then().body("items", hasSize(0));
    }

    // ---- listing ---------------------------------------------------------------------------------------------

    @Test
    void myMediaAreListedPageByPageInCreationOrder() {
        String token = newCustomer();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(uploaded(token, Samples.png(100 + i), "image/png"));
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(token).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get("/media").then().statusCode(200).extract();
            listed.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(listed).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void forgedOrForeignCursorsAreRejected() {
        String token = newCustomer();
        String id = uploadedPng(token);
        uploadedPng(token);
        String listCursor = as(token).queryParam("limit", 1).get("/media").then().extract().path("nextCursor");
        as(token).header("If-Match", etagOf(token, id)).contentType("image/png").body(Samples.png(64))
                .put("/media/" + id + "/content").then().statusCode(200);
        String versionsCursor = as(token).queryParam("limit", 1).get("/media/" + id + "/versions").then()
                .extract().path("nextCursor");

        as(token).queryParam("cursor", listCursor + "x").get("/media").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as(token).queryParam("cursor", versionsCursor).get("/media").then().statusCode(400);
        as(token).queryParam("cursor", listCursor).get("/media/" + id + "/versions").then().statusCode(400);
        as(token).queryParam("limit", 101).get("/media").then().statusCode(400);
        as(token).queryParam("limit", 0).get("/media").then().statusCode(400);
    }
}
