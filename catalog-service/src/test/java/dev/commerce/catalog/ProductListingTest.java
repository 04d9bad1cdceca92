package dev.commerce.catalog;

import static dev.commerce.catalog.support.CatalogApi.admin;
import static dev.commerce.catalog.support.CatalogApi.customer;
import static dev.commerce.catalog.support.CatalogApi.product;
import static dev.commerce.catalog.support.CatalogApi.service;
import static dev.commerce.catalog.support.CatalogApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.commerce.common.api.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Category listings: a Query on GSI2 sorted by name, paged with signed cursors. */
@QuarkusTest
class ProductListingTest {

    @Test
    void pagesCoverTheCategoryOnceInNameOrder() {
        String category = "paging-" + Math.abs(uniqueId("c").hashCode());
        List<String> names = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            String name = String.format("Item %02d", i);
            admin().body(product(uniqueId("p"), category, name, 1, "ACTIVE")).post("/products").then().statusCode(201);
            names.add(name);
        }
        admin().body(product(uniqueId("p"), category, "Item draft", 1, "DRAFT")).post("/products").then().statusCode(201);

        List<String> listed = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            var request = customer().queryParam("category", category).queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/products").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("items.name"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyElementsOf(names.stream().sorted().toList());
    }

    @Test
    void listingShowsSummariesWithoutStock() {
        String category = "summary-" + Math.abs(uniqueId("c").hashCode());
        String id = uniqueId("p");
        admin().body(product(id, category, "Summary", 4, "ACTIVE")).post("/products").then().statusCode(201);

        customer().queryParam("category", category).get("/products")
                .then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].price.amount", equalTo(1999))
                .body("items[0]", not(hasKey("stock")))
                .body("nextCursor", nullValue());
    }

    @Test
    void draftsAreListedForAdminsOnly() {
        String category = "drafts-" + Math.abs(uniqueId("c").hashCode());
        String id = uniqueId("p");
        admin().body(product(id, category, "Draft", 1, "DRAFT")).post("/products").then().statusCode(201);

        admin().queryParam("category", category).queryParam("status", "DRAFT").get("/products")
                .then().statusCode(200).body("items.id", contains(id));
        service().queryParam("category", category).queryParam("status", "DRAFT").get("/products")
                .then().statusCode(200).body("items.id", contains(id));
        customer().queryParam("category", category).queryParam("status", "DRAFT").get("/products")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void tamperedOrForeignCursorsAreRejected() {
        String category = "cursor-" + Math.abs(uniqueId("c").hashCode());
        for (int i = 0; i < 3; i++) {
            admin().body(product(uniqueId("p"), category, "Cursor " + i, 1, "ACTIVE")).post("/products").then().statusCode(201);
        }
        String cursor = customer().queryParam("category", category).queryParam("limit", 1).get("/products")
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        String tampered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

        customer().queryParam("category", category).queryParam("cursor", tampered).get("/products")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("cursor"));
        customer().queryParam("category", "other-category").queryParam("cursor", cursor).get("/products")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("cursor"));
        customer().queryParam("category", category).queryParam("cursor", "not-a-cursor").get("/products")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        customer().queryParam("category", category).queryParam("cursor", cursor).get("/products").then().statusCode(200);
    }

    @Test
    void listingParametersAreValidated() {
        customer().get("/products").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        customer().queryParam("category", "Not A Slug!").get("/products").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        customer().queryParam("category", "books").queryParam("limit", 0).get("/products").then().statusCode(400);
        customer().queryParam("category", "books").queryParam("limit", 101).get("/products").then().statusCode(400);
        customer().queryParam("category", "books").queryParam("limit", "many").get("/products")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        customer().queryParam("category", "books").queryParam("status", "GONE").get("/products").then().statusCode(400);
    }
}
