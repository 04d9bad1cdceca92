package dev.commerce.order.store;

/** A database user and the password (or IAM token) to present when opening a connection. */
public record DbLogin(String user, String password) {

    @Override
    public String toString() {
        return "DbLogin[user=" + user + "]";
    }
}
