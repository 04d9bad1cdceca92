package dev.commerce.backends;

/**
 * A real store engine running on this machine for tests and local runs.
 * Engines bind to 127.0.0.1 on a port chosen when they are created and keep it across {@link #restart()},
 * so clients configured once reconnect after an outage test.
 */
public interface Engine extends AutoCloseable {

    /** Starts the engine and returns once it accepts connections. */
    void start();

    /** Stops the engine; its data may be lost. Safe to call when stopped. */
    void stop();

    boolean isRunning();

    default void restart() {
        stop();
        start();
    }

    /** A short description for logs, e.g. "redis-server on 127.0.0.1:43121". */
    String describe();

    @Override
    default void close() {
        stop();
    }
}
