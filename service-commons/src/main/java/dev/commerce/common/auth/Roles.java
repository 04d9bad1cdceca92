package dev.commerce.common.auth;

/** The roles carried in the {@code groups} claim of bearer tokens. */
public final class Roles {

    /** A shopper: sees only their own sessions, orders and media. */
    public static final String CUSTOMER = "customer";
    /** Manages the catalog and order status. */
    public static final String ADMIN = "admin";
    /** Another service of this system calling an internal endpoint. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
