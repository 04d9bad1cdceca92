package dev.commerce.session.client;

/** catalog-service failed on its side (5xx); another attempt may succeed. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message) {
        super(message, null, false, false);
    }
}
