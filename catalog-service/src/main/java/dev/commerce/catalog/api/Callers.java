package dev.commerce.catalog.api;

import dev.commerce.common.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** What the caller's roles allow beyond the endpoint's own role check. */
final class Callers {

    private Callers() {
    }

    /** Admins and services see DRAFT products; customers only ACTIVE and ARCHIVED ones. */
    static boolean seesDrafts(SecurityIdentity caller) {
        return caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.SERVICE);
    }
}
