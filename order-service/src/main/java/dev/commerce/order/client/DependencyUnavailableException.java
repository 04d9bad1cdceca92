package dev.commerce.order.client;

/** A service this one depends on failed on its side (5xx) or could not be reached; a later attempt may succeed. */
public class DependencyUnavailableException extends RuntimeException {

    private final String service;

    public DependencyUnavailableException(String service, String message) {
        super(message, null, false, false);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
