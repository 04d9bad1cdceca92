package dev.commerce.session.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.commerce.session.config.SessionConfig;
import dev.commerce.session.domain.SessionEvent;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The Redis pub/sub channel every instance publishes session events to and subscribes to once. The subscription
 * holds one dedicated connection; when it drops (Redis restart, failover) it is re-established with backoff, and
 * {@link #isSubscribed()} says whether events from other instances are arriving right now.
 */
@ApplicationScoped
public class EventChannel {

    private static final Logger LOG = Logger.getLogger(EventChannel.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final ReactivePubSubCommands<SessionEvent> pubsub;
    private final RedisCalls redis;
    private final Vertx vertx;
    private final String channel;
    private final Duration timeout;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    /** Numbers subscription attempts; callbacks of an abandoned attempt are ignored, so at most one is active. */
    private final AtomicLong attempts = new AtomicLong();
    private volatile boolean stopped;
    private volatile Consumer<SessionEvent> listener = event -> { };
    private volatile ReactiveRedisSubscriber subscriber;
    private volatile Duration nextRetry = FIRST_RETRY;

    public EventChannel(ReactiveRedisDataSource dataSource, RedisCalls redis, Vertx vertx, SessionConfig config) {
        this.pubsub = dataSource.pubsub(SessionEvent.class);
        this.redis = redis;
        this.vertx = vertx;
        this.channel = config.events().channel();
        this.timeout = config.store().operationTimeout();
    }

    public Uni<Void> publish(SessionEvent event) {
        return redis.guard(pubsub.publish(channel, event));
    }

    /** Starts delivering every event published by any instance to the listener. */
    public void listen(Consumer<SessionEvent> listener) {
        this.listener = listener;
        subscribe();
    }

    public boolean isSubscribed() {
        return subscribed.get();
    }

    private void subscribe() {
        if (stopped) {
            return;
        }
        long attempt = attempts.incrementAndGet();
        pubsub.subscribe(channel, event -> {
                    if (attempt == attempts.get()) {
                        listener.accept(event);
                    }
                }, () -> lost(attempt), failure -> lost(attempt))
                .ifNoItem().after(timeout.multipliedBy(5)).fail()
                .subscribe().with(active -> {
                    subscriber = active;
                    subscribed.set(true);
                    nextRetry = FIRST_RETRY;
                    LOG.infof("Subscribed to Redis channel %s", channel);
                }, failure -> lost(attempt));
    }

    /** The attempt's connection ended or could not be made: schedule the next attempt, once per attempt. */
    private void lost(long attempt) {
        if (stopped || !attempts.compareAndSet(attempt, attempt + 1)) {
            return;
        }
        subscribed.set(false);
        Duration delay = nextRetry;
        nextRetry = delay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay.multipliedBy(2);
        LOG.warnf("Redis channel %s subscription lost; retrying in %d ms", channel, delay.toMillis());
        vertx.setTimer(delay.toMillis(), id -> subscribe());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        ReactiveRedisSubscriber current = subscriber;
        if (current != null) {
            current.unsubscribe().subscribe().with(ok -> { }, failure -> { });
        }
    }
}
