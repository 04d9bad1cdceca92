package dev.commerce.session.domain;

/** What is known about one product when a cart needs it. */
public sealed interface ProductLookup {

    /** The product as last loaded; {@code stale} when catalog-service could not be asked for a fresher copy. */
    record Found(ProductSnapshot product, boolean stale) implements ProductLookup {
    }

    /** catalog-service says there is no such product. */
    record Missing() implements ProductLookup {
    }

    /** catalog-service is unavailable and no copy is cached. */
    record Unavailable() implements ProductLookup {
    }
}
