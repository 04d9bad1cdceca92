package dev.commerce.order.store;

/** The database could not be reached or answered with a transient failure; the work may be retried later. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("Database unavailable: " + cause.getClass().getSimpleName(), cause, false, false);
    }
}
