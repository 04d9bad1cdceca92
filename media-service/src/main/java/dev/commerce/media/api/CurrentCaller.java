package dev.commerce.media.api;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.commerce.common.auth.Roles;
import dev.commerce.media.domain.Caller;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request, from its bearer token: subject ({@code sub}) and roles ({@code groups}). */
@RequestScoped
public class CurrentCaller {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public CurrentCaller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public Caller get() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthorizedException("The token has no subject");
        }
        return new Caller(subject, identity.hasRole(Roles.ADMIN), identity.hasRole(Roles.SERVICE));
    }
}
