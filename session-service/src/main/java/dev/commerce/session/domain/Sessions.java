package dev.commerce.session.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.ProblemException;
import dev.commerce.session.config.SessionConfig;
import dev.commerce.session.store.SessionStore;
import dev.commerce.session.store.SessionStore.Touched;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Session lifecycle: create, authenticate by token (sliding the idle expiry), list, and revoke one or all of a
 * subject's sessions. Every revocation is published so open event streams learn about it.
 */
@ApplicationScoped
public class Sessions {

    private final SessionStore store;
    private final SessionEventHub events;
    private final SessionConfig config;
    private final Clock clock;
    private final Counter created;
    private final Counter revoked;

    public Sessions(SessionStore store, SessionEventHub events, SessionConfig config, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.created = Counter.builder("session.sessions.created").register(metrics);
        this.revoked = Counter.builder("session.sessions.revoked").register(metrics);
    }

    /** A new session and its token; the token exists only in this answer. */
    public record Created(Session session, SessionToken token) {
    }

    /**
     * Opens a session for a customer, or a guest session when {@code subject} is empty. A customer's sessions are
     * indexed first, so that no session can exist that revoke-all would miss.
     */
    public Uni<Created> create(Optional<String> subject) {
        // Stored with millisecond precision; answer with the same.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SessionToken token = SessionToken.generate();
        Instant expiresAt = now.plus(config.absoluteLifetime());
        Instant idleExpiresAt = min(now.plus(config.idleTimeout()), expiresAt);
        Session session = new Session(token.sessionId(), subject.orElse(Session.guestSubject(token.sessionId())),
                subject.isEmpty(), now, now, expiresAt, idleExpiresAt);
        Uni<Void> indexed = session.guest() ? Uni.createFrom().voidItem()
                : store.index(session, config.maxPerSubject(), config.absoluteLifetime())
                        .chain(evicted -> revokeEach(session.subject(), evicted)).replaceWithVoid();
        return indexed
                .chain(() -> store.create(session, token.hash(), Duration.between(now, idleExpiresAt)))
                .map(stored -> {
                    if (!stored) {
                        throw new IllegalStateException("Session id collision");
                    }
                    created.increment();
                    return new Created(session, token);
                });
    }

    /** The token's session with its idle expiry moved forward; 401 when the token is unknown or expired. */
    public Uni<Touched> authenticate(String tokenHeader, boolean withCart) {
        SessionToken token = SessionToken.parse(tokenHeader).orElseThrow(Sessions::invalidSession);
        return store.touch(token.sessionId(), token.hash(), clock.instant(), config.idleTimeout(), withCart)
                .map(found -> found.orElseThrow(Sessions::invalidSession));
    }

    /** Whether the caller may use the session: a customer session by its own customer, a guest session by its holder. */
    public void authorize(Caller caller, Session session) {
        if (session.guest()) {
            if (!config.guestsEnabled()) {
                throw invalidSession();
            }
            return;
        }
        if (caller.isAnonymous()) {
            throw new ProblemException(401, "unauthorized", "Unauthorized",
                    "This session belongs to a customer: send their bearer token too");
        }
        if (!caller.is(session.subject())) {
            throw new ProblemException(403, "forbidden", "Forbidden", "This session belongs to someone else");
        }
    }

    /** The subject's live sessions, newest first; entries of sessions that ended are dropped from the index. */
    public Uni<List<Session>> list(String subject) {
        Instant now = clock.instant();
        return store.indexed(subject).chain(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<Session>of());
            }
            List<Uni<Optional<Session>>> reads = ids.stream().map(id -> store.describe(id, now)).toList();
            return Uni.join().all(reads).andFailFast().chain(found -> {
                List<String> gone = IntStream.range(0, ids.size()).filter(i -> found.get(i).isEmpty())
                        .mapToObj(ids::get).toList();
                List<Session> live = found.stream().flatMap(Optional::stream)
                        .sorted(Comparator.comparing(Session::createdAt).reversed()).toList();
                return store.unindex(subject, gone).replaceWith(live);
            });
        });
    }

    /** Ends the current session (logout). */
    public Uni<Void> end(Session session) {
        return store.delete(session.id())
                .chain(() -> session.guest() ? Uni.createFrom().voidItem() : store.unindex(session.subject(), List.of(session.id())))
                .chain(() -> announceRevoked(session.subject(), session.id()));
    }

    /** Ends one of the subject's sessions; 404 when it is not theirs or already gone. */
    public Uni<Void> revoke(String subject, String sessionId) {
        return store.describe(sessionId, clock.instant()).chain(found -> {
            if (found.isEmpty() || !found.get().subject().equals(subject)) {
                throw ProblemException.notFound("No such session");
            }
            return end(found.get());
        });
    }

    /** Ends every session of the subject; returns how many were live. */
    public Uni<Integer> revokeAll(String subject) {
        return store.indexed(subject).chain(ids -> revokeEach(subject, ids));
    }

    /** Deletes the sessions, announces each that was live, and returns how many were. */
    private Uni<Integer> revokeEach(String subject, List<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Integer>> deletions = sessionIds.stream()
                .map(id -> store.delete(id)
                        .call(existed -> existed ? announceRevoked(subject, id) : Uni.createFrom().voidItem())
                        .map(existed -> existed ? 1 : 0))
                .toList();
        // Only the ids handled here leave the index, so a session created meanwhile stays revocable.
        return Uni.join().all(deletions).andFailFast()
                .chain(counts -> store.unindex(subject, sessionIds)
                        .replaceWith(counts.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<Void> announceRevoked(String subject, String sessionId) {
        revoked.increment();
        return events.publish(SessionEvent.revoked(subject, sessionId, clock.millis()));
    }

    public static ProblemException invalidSession() {
        return new ProblemException(401, "invalid-session", "Invalid session",
                "The X-Session-Token header is missing, unknown or expired; create a new session")
                .withHeader("WWW-Authenticate", "Session realm=\"session-service\"");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
