package dev.commerce.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.commerce.system.Shop.Customer;
import io.restassured.response.Response;

/**
 * A product image uploaded through media-service (stored in S3 via s3proxy) and attached to a product in
 * catalog-service, which checks the id with media-service before linking it.
 */
@ExtendWith(SystemUnderTest.class)
class ProductMediaIT {

    @Test
    void uploadAttachAndRead(Shop shop) throws Exception {
        byte[] png = png();
        Response uploaded = shop.as(shop.admin()).contentType("image/png").body(png)
                .queryParam("public", true).queryParam("filename", "teapot.png")
                .post(shop.media() + "/media");
        assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(201);
        String mediaId = uploaded.path("id");
        assertThat(uploaded.<String>path("contentType")).isEqualTo("image/png");
        assertThat(uploaded.<Integer>path("size")).isEqualTo(png.length);
        assertThat(uploaded.<String>path("sha256")).isEqualTo(sha256(png));

        String category = Shop.newCategory();
        String product = shop.createProduct(category, "Teapot", 3_450, 4);
        Response attached = shop.as(shop.admin()).put(shop.catalog() + "/products/" + product + "/media/" + mediaId);
        assertThat(attached.statusCode()).as(attached.asString()).isEqualTo(200);
        assertThat(attached.<List<String>>path("mediaIds")).containsExactly(mediaId);

        // Customers see the link on the product and in the category listing, and can fetch the image itself.
        Customer customer = shop.newCustomer("frank");
        Response read = shop.as(customer.token()).get(shop.catalog() + "/products/" + product);
        assertThat(read.<List<String>>path("mediaIds")).containsExactly(mediaId);
        Response listing = shop.as(customer.token()).queryParam("category", category).get(shop.catalog() + "/products");
        List<Map<String, Object>> items = listing.path("items");
        assertThat(items).singleElement().satisfies(item -> assertThat(item.get("mediaIds")).isEqualTo(List.of(mediaId)));
        Response download = shop.as(customer.token()).get(shop.media() + "/media/" + mediaId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("image/png");
        assertThat(download.asByteArray()).isEqualTo(png);

        // An id media-service does not know is refused, and the product keeps its one image.
        String unknown = UUID.randomUUID().toString();
        Response refused = shop.as(shop.admin()).put(shop.catalog() + "/products/" + product + "/media/" + unknown);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith(Shop.PROBLEM_JSON);
        assertThat(refused.<String>path("type")).endsWith("unknown-media");
        assertThat(shop.as(shop.admin()).queryParam("consistent", true).get(shop.catalog() + "/products/" + product)
                .<List<String>>path("mediaIds")).containsExactly(mediaId);
    }

    /** A real 16x16 PNG, encoded by the JDK. */
    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, new Color(x * 16, y * 16, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
