package dev.commerce.session.support;

import java.util.Map;

import dev.commerce.backends.Redis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A redis-server of the test's own, so the test can stop and restart it under the running application. */
public class OwnRedisResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Redis redis;

    public static Redis redis() {
        return redis;
    }

    @Override
    public Map<String, String> start() {
        redis = new Redis();
        redis.start();
        return Map.of("quarkus.redis.hosts", redis.url());
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.close();
        }
    }
}
