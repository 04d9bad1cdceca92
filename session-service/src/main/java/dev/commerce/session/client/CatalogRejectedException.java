package dev.commerce.session.client;

/** catalog-service refused the call (4xx): a configuration or contract problem that retrying cannot fix. */
public class CatalogRejectedException extends RuntimeException {

    public CatalogRejectedException(String message) {
        super(message, null, false, false);
    }
}
