package dev.commerce.session.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.commerce.backends.LoopbackPorts;
import dev.commerce.backends.Redis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A redis-server that requires AUTH, as ElastiCache with an AUTH token does. */
public class PasswordRedisResource implements QuarkusTestResourceLifecycleManager {

    private Redis redis;

    @Override
    public Map<String, String> start() {
        String password = UUID.randomUUID().toString();
        redis = new Redis(LoopbackPorts.freePort(), Optional.of(password), List.of());
        redis.start();
        return Map.of("quarkus.redis.hosts", redis.url(),
                "quarkus.redis.password", password);
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.close();
        }
    }
}
