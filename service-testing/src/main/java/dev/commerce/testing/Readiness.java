package dev.commerce.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Readiness of a service a test started as its own process, for polling until it is up. */
public final class Readiness {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Readiness() {
    }

    /** Whether {@code baseUrl}/q/health/ready answers 200; false while the service is not listening yet. */
    public static boolean isReady(String baseUrl) {
        try {
            HttpResponse<Void> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
