package dev.commerce.session.api;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.session.domain.Sessions;
import dev.commerce.session.store.SessionStore.Touched;
import io.smallrye.mutiny.Uni;

/** Resolves the X-Session-Token of a request to a session the caller may use, sliding its idle expiry. */
@ApplicationScoped
public class ActiveSessions {

    /** The header carrying the session token; never a URL, so it stays out of access logs and referrers. */
    public static final String HEADER = "X-Session-Token";

    private final Callers callers;
    private final Sessions sessions;

    public ActiveSessions(Callers callers, Sessions sessions) {
        this.callers = callers;
        this.sessions = sessions;
    }

    public Uni<Touched> resolve(String tokenHeader, boolean withCart) {
        return callers.current().chain(caller -> sessions.authenticate(tokenHeader, withCart)
                .invoke(touched -> sessions.authorize(caller, touched.session())));
    }
}
