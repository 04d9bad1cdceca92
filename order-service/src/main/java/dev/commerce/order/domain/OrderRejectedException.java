package dev.commerce.order.domain;

import java.util.Map;

/**
 * A checkout or status change refused for a reason the client can act on, with the details the problem+json
 * answer carries as extension members (for example {@code shortLines} or {@code productIds}).
 */
public class OrderRejectedException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> details;

    public OrderRejectedException(int status, String slug, String title, String detail, Map<String, Object> details) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.details = Map.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> details() {
        return details;
    }
}
