package dev.commerce.session.domain;

import java.util.Optional;
import java.util.Set;

import dev.commerce.common.auth.Roles;

/** Who is calling: a verified bearer token's subject and roles, or nobody (a guest). */
public record Caller(Optional<String> subject, Set<String> roles) {

    public static Caller anonymous() {
        return new Caller(Optional.empty(), Set.of());
    }

    public boolean isAnonymous() {
        return subject.isEmpty();
    }

    public boolean isCustomer() {
        return roles.contains(Roles.CUSTOMER);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean is(String otherSubject) {
        return subject.filter(otherSubject::equals).isPresent();
    }
}
