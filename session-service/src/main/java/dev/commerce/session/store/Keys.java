package dev.commerce.session.store;

/**
 * The key scheme (documented in the README). The part in braces is the Redis Cluster hash tag: keys a script uses
 * together carry the same tag, so they live in one slot.
 */
final class Keys {

    /** Trending buckets are merged in one command, so they all share this tag (one slot). */
    static final String TRENDING_TAG = "{trending}";

    private Keys() {
    }

    static String session(String sessionId) {
        return "session:{" + sessionId + "}";
    }

    static String cart(String sessionId) {
        return "cart:{" + sessionId + "}";
    }

    /** Sessions of one subject, scored by absolute expiry. */
    static String subjectSessions(String subject) {
        return "subject-sessions:{" + subject + "}";
    }

    /**
     * A lock named {@code a:b:c} is the key {@code lock:a:b:{c}}: the last segment is the hash tag, so the lock
     * {@code cart:<sessionId>} shares a slot with that session's cart and a cart update can check it atomically.
     */
    static String lock(String name) {
        int last = name.lastIndexOf(':');
        return last < 0 ? "lock:{" + name + "}" : "lock:" + name.substring(0, last + 1) + "{" + name.substring(last + 1) + "}";
    }

    static String cartLock(String sessionId) {
        return lock("cart:" + sessionId);
    }

    static String product(String productId) {
        return "product:{" + productId + "}";
    }

    /** Bumped by every invalidation, so a load that began before it does not write an outdated snapshot. */
    static String productGeneration(String productId) {
        return "product-gen:{" + productId + "}";
    }

    static String rateLimit(String policy, String key) {
        return "ratelimit:" + policy + ":{" + key + "}";
    }

    static String trendingBucket(String resolution, long bucket) {
        return "trending:" + TRENDING_TAG + ":" + resolution + ":" + bucket;
    }

    static String trendingOrder(String orderId) {
        return "trending:" + TRENDING_TAG + ":order:" + orderId;
    }

    static String trendingScratch(String id) {
        return "trending:" + TRENDING_TAG + ":merge:" + id;
    }
}
