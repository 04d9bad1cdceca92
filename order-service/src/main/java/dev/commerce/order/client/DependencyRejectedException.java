package dev.commerce.order.client;

/** A dependency refused a call with an answer the contract does not foresee: retrying cannot help. */
public class DependencyRejectedException extends RuntimeException {

    public DependencyRejectedException(String message) {
        super(message, null, false, false);
    }
}
