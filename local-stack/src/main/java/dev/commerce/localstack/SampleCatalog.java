package dev.commerce.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Loads {@code sample-catalog.json} through catalog-service's admin API; products already there are kept. */
final class SampleCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String catalogUrl;

    SampleCatalog(HttpClient http, String catalogUrl) {
        this.http = http;
        this.catalogUrl = catalogUrl;
    }

    /** @return how many sample products the catalog holds afterwards */
    int load() {
        String admin = LocalTokens.mint("local-admin", "admin", Duration.ofMinutes(10));
        int present = 0;
        for (JsonNode product : products()) {
            ObjectNode body = ((ObjectNode) product.deepCopy()).put("status", "ACTIVE");
            int status = post("/products", body, admin);
            if (status == 201 || status == 409) {
                present++;
            } else {
                throw new IllegalStateException("Seeding " + product.get("sku").asText() + " answered HTTP " + status);
            }
        }
        return present;
    }

    private int post(String path, JsonNode body, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(catalogUrl + path))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token).forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("catalog-service did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode products() {
        try (InputStream in = SampleCatalog.class.getResourceAsStream("/sample-catalog.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
