package dev.commerce.session.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.commerce.session.domain.SessionEventHub;

/**
 * Ready only while this instance receives the session events other instances publish; otherwise its event
 * streams would silently miss them. (Redis itself is checked by the Redis client's own readiness check.)
 */
@Readiness
@ApplicationScoped
public class EventChannelReadiness implements HealthCheck {

    private final SessionEventHub hub;

    public EventChannelReadiness(SessionEventHub hub) {
        this.hub = hub;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("session-events").status(hub.isConnected()).build();
    }
}
