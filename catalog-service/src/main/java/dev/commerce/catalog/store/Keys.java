package dev.commerce.catalog.store;

import java.util.Locale;

import dev.commerce.catalog.domain.ProductStatus;

/**
 * The key scheme of the single table. Item collections by partition key:
 * <pre>
 * PRODUCT#{id}          SK=PRODUCT        the product
 *                       SK=COUNTED        what the product contributes to category counts (stream consumer)
 * SKU#{sku}             SK=SKU            uniqueness guard of a SKU
 * RESERVATION#{orderId} SK=RESERVATION    stock held for an order
 * CATEGORIES            SK=CATEGORY#{c}   ACTIVE product count of category c
 * STREAM#{label}        SK=SHARD#{id}     stream consumer checkpoint per shard
 * LEASE#stream-consumer SK=LEASE          which instance consumes the stream
 * </pre>
 * GSI1 (keys only) is overloaded: {@code SKU#{sku}} on products for lookup by SKU, and {@code EXPIRY#{n}} on
 * reservations while they are RESERVED (a sparse index the sweeper reads). GSI2 (listing attributes) holds
 * {@code CATEGORY#{category}#{status}} on products, sorted by lower-cased name.
 */
final class Keys {

    static final String PK = "PK";
    static final String SK = "SK";
    static final String GSI1 = "GSI1";
    static final String GSI1PK = "GSI1PK";
    static final String GSI1SK = "GSI1SK";
    static final String GSI2 = "GSI2";
    static final String GSI2PK = "GSI2PK";
    static final String GSI2SK = "GSI2SK";
    /** The TTL attribute (epoch seconds). */
    static final String EXPIRES_AT = "expiresAt";

    static final String PRODUCT_SK = "PRODUCT";
    static final String COUNTED_SK = "COUNTED";
    static final String SKU_SK = "SKU";
    static final String RESERVATION_SK = "RESERVATION";
    static final String CATEGORIES_PK = "CATEGORIES";
    static final String LEASE_PK = "LEASE#stream-consumer";
    static final String LEASE_SK = "LEASE";

    /**
     * Reservations awaiting expiry are spread over this many GSI1 partitions so a burst of orders does not heat
     * one index partition. Part of the key scheme: the sweeper reads exactly these partitions.
     */
    static final int EXPIRY_PARTITIONS = 8;

    private static final String PRODUCT_PREFIX = "PRODUCT#";
    private static final String RESERVATION_PREFIX = "RESERVATION#";
    private static final int NAME_SORT_CHARS = 200;

    private Keys() {
    }

    static String product(String id) {
        return PRODUCT_PREFIX + id;
    }

    static String productId(String pk) {
        return pk.substring(PRODUCT_PREFIX.length());
    }

    static boolean isProduct(String pk, String sk) {
        return pk.startsWith(PRODUCT_PREFIX) && PRODUCT_SK.equals(sk);
    }

    static String sku(String sku) {
        return "SKU#" + sku;
    }

    static String reservation(String orderId) {
        return RESERVATION_PREFIX + orderId;
    }

    static String orderId(String pk) {
        return pk.substring(RESERVATION_PREFIX.length());
    }

    static String listing(String category, ProductStatus status) {
        return "CATEGORY#" + category + "#" + status;
    }

    static String listingSort(String name, String id) {
        String sortable = name.toLowerCase(Locale.ROOT);
        return sortable.substring(0, Math.min(sortable.length(), NAME_SORT_CHARS)) + "#" + id;
    }

    static String categoryCount(String category) {
        return "CATEGORY#" + category;
    }

    static String expiryPartition(int n) {
        return "EXPIRY#" + n;
    }

    static String expiryPartitionOf(String orderId) {
        return expiryPartition(Math.floorMod(orderId.hashCode(), EXPIRY_PARTITIONS));
    }

    /** Sorts by expiry second, so "everything due by t" is one range condition. */
    static String expirySort(long epochSecond, String orderId) {
        return String.format("%012d#%s", epochSecond, orderId);
    }

    static String expiryBound(long epochSecondExclusive) {
        return String.format("%012d", epochSecondExclusive);
    }

    static String stream(String streamLabel) {
        return "STREAM#" + streamLabel;
    }

    static String shard(String shardId) {
        return "SHARD#" + shardId;
    }
}
