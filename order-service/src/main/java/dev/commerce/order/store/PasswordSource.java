package dev.commerce.order.store;

/** Where the password of a new database connection comes from. */
interface PasswordSource {

    /** The login for a connection to {@code host:port}; may call AWS when {@link #remote()}. */
    DbLogin login(String host, int port, String user);

    /** True when {@link #login} may block on a network call and must run off the event loop. */
    boolean remote();
}
