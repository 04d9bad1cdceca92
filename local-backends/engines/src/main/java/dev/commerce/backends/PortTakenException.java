package dev.commerce.backends;

/** A port that a start needs is held by a process it did not start. Retrying the same port will not help. */
public final class PortTakenException extends IllegalStateException {

    private final int port;

    public PortTakenException(int port, String message) {
        super(message);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
