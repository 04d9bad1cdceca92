package dev.commerce.session.support;

import java.util.Map;

import dev.commerce.backends.RedisCluster;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real three-master Redis Cluster for the application, which then runs its cluster client. */
public class RedisClusterResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RedisCluster cluster;

    public static RedisCluster cluster() {
        return cluster;
    }

    @Override
    public Map<String, String> start() {
        cluster = new RedisCluster();
        cluster.start();
        return Map.of("quarkus.redis.hosts", cluster.hosts(), "quarkus.redis.client-type", "cluster");
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
