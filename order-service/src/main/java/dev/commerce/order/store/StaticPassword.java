package dev.commerce.order.store;

/** The configured password (local runs, or a password injected by the platform). */
record StaticPassword(String password) implements PasswordSource {

    @Override
    public DbLogin login(String host, int port, String user) {
        return new DbLogin(user, password);
    }

    @Override
    public boolean remote() {
        return false;
    }
}
