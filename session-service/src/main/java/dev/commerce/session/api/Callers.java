package dev.commerce.session.api;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.commerce.session.domain.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The caller of the current request, resolved lazily and without blocking: endpoints open to guests verify a
 * bearer token only if one is sent (an invalid one is still a 401).
 */
@ApplicationScoped
public class Callers {

    private final CurrentIdentityAssociation identities;

    public Callers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<Caller> current() {
        return identities.getDeferredIdentity().map(Callers::caller);
    }

    private static Caller caller(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return Caller.anonymous();
        }
        Principal principal = identity.getPrincipal();
        String subject = principal instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject() : principal.getName();
        return new Caller(Optional.of(subject), Set.copyOf(identity.getRoles()));
    }
}
