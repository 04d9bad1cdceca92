package dev.commerce.session.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application configurations tests run against, besides the default test profile. */
public final class Profiles {

    private Profiles() {
    }

    /** Seconds-long sessions and snapshot TTLs, so expiry can be watched; guest sessions off. */
    public static class ShortLived implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "session.idle-timeout", "2s",
                    "session.absolute-lifetime", "6s",
                    "session.guests-enabled", "false",
                    "session.snapshots.ttl", "1s",
                    "session.snapshots.jitter", "0s",
                    "session.snapshots.stale-for", "1m");
        }
    }

    /** A Redis the test stops and restarts. */
    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnRedisResource.class));
        }
    }

    /** A Redis that requires AUTH. */
    public static class PasswordRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PasswordRedisResource.class));
        }
    }

    /** A three-master Redis Cluster. */
    public static class Cluster implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisClusterResource.class));
        }
    }
}
