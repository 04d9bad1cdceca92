package dev.commerce.session.domain;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.commerce.session.store.EventChannel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Session events across instances: published to the shared Redis channel, received by every instance from it,
 * and handed to the local streams of the event's subject. An instance only keeps its own connected streams.
 */
@ApplicationScoped
public class SessionEventHub {

    private static final Logger LOG = Logger.getLogger(SessionEventHub.class);

    private final EventChannel channel;
    private final Clock clock;
    private final Map<String, Set<Follower>> followersBySubject = new ConcurrentHashMap<>();

    public SessionEventHub(EventChannel channel, Clock clock, MeterRegistry metrics) {
        this.channel = channel;
        this.clock = clock;
        Gauge.builder("session.events.streams", followersBySubject,
                        followers -> followers.values().stream().mapToInt(Set::size).sum())
                .description("Event streams open on this instance")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        channel.listen(this::deliver);
    }

    /**
     * Publishes to every instance. Events are notifications: when one cannot be published the change it reports
     * has still happened, so the failure is logged rather than failing the request.
     */
    public Uni<Void> publish(SessionEvent event) {
        return channel.publish(event).onFailure().invoke(failure ->
                        LOG.warnf("Could not publish %s for session %s: %s", event.type(), event.sessionId(), failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * The events of a subject as they happen, from any instance, after a first {@code subscribed} event. Ends after
     * the event that revokes {@code sessionId}, the session the stream was opened with.
     */
    public Multi<SessionEvent> follow(String subject, String sessionId) {
        return Multi.createFrom().emitter(emitter -> {
            Follower follower = new Follower(sessionId, emitter);
            followersBySubject.compute(subject, (key, followers) -> {
                Set<Follower> set = followers == null ? ConcurrentHashMap.newKeySet() : followers;
                set.add(follower);
                return set;
            });
            emitter.onTermination(() -> followersBySubject.computeIfPresent(subject, (key, followers) -> {
                followers.remove(follower);
                return followers.isEmpty() ? null : followers;
            }));
            emitter.emit(SessionEvent.subscribed(subject, sessionId, clock.millis()));
        });
    }

    /** Whether events published by other instances reach this one right now. */
    public boolean isConnected() {
        return channel.isSubscribed();
    }

    private void deliver(SessionEvent event) {
        Set<Follower> followers = followersBySubject.get(event.subject());
        if (followers == null) {
            return;
        }
        for (Follower follower : followers) {
            follower.emitter().emit(event);
            if (event.revokes(follower.sessionId())) {
                follower.emitter().complete();
            }
        }
    }

    private record Follower(String sessionId, MultiEmitter<? super SessionEvent> emitter) {
    }
}
