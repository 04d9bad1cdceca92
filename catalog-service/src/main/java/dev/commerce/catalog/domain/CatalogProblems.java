package dev.commerce.catalog.domain;

import dev.commerce.common.api.ProblemException;

/** The catalog's problem responses other than validation, in one place so their types stay stable. */
public final class CatalogProblems {

    private CatalogProblems() {
    }

    public static ProblemException productNotFound(String id) {
        return ProblemException.notFound("No product " + id);
    }

    public static ProblemException skuNotFound(String sku) {
        return ProblemException.notFound("No product with SKU " + sku);
    }

    public static ProblemException reservationNotFound(String orderId) {
        return ProblemException.notFound("No reservation for order " + orderId);
    }

    public static ProblemException duplicateProduct(String id) {
        return ProblemException.conflict("duplicate-product", "A product with id " + id + " already exists");
    }

    public static ProblemException duplicateSku(String sku) {
        return ProblemException.conflict("duplicate-sku", "Another product already has SKU " + sku);
    }

    public static ProblemException versionMismatch(long current) {
        return ProblemException.preconditionFailed("The product changed (now version " + current + "); read it again and retry");
    }

    public static ProblemException reservationReleased(String orderId) {
        return ProblemException.conflict("reservation-released", "The reservation of order " + orderId + " was already released");
    }

    public static ProblemException reservationMismatch(String orderId) {
        return ProblemException.conflict("reservation-mismatch",
                "Order " + orderId + " already holds a reservation with different lines");
    }

    public static ProblemException stockBelowZero(String productId, long delta, long stock) {
        return ProblemException.conflict("insufficient-stock",
                "Adjusting stock of " + productId + " by " + delta + " would leave it below zero (stock is " + stock + ")");
    }

    public static ProblemException tooManyMedia(String productId, int max) {
        return ProblemException.conflict("too-many-media", "Product " + productId + " already carries " + max + " media");
    }

    public static ProblemException unknownMedia(String mediaId) {
        return new ProblemException(422, "unknown-media", "Unknown media", "media-service has no media " + mediaId);
    }

    /** Too many concurrent writers on the same products; safe to retry. */
    public static ProblemException contended() {
        return ProblemException.unavailable("The products are being changed concurrently; retry shortly", 1);
    }

    public static ProblemException mediaServiceUnavailable(int retryAfterSeconds) {
        return ProblemException.unavailable("media-service cannot confirm the media right now; retry later", retryAfterSeconds);
    }
}
