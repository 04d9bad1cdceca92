package dev.commerce.session;

import dev.commerce.session.client.CatalogClient;
import dev.commerce.session.domain.Money;
import dev.commerce.session.domain.ProductSnapshot;
import dev.commerce.session.domain.SessionEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes outside the REST endpoints' own signatures, kept for reflection in a native
 * executable: the catalog client's batch-get bodies, product snapshots cached in Redis (inside their envelope)
 * and session events published on the Redis channel.
 */
@RegisterForReflection(targets = {
        CatalogClient.BatchGetRequest.class, CatalogClient.BatchGetResponse.class,
        CatalogClient.CatalogProduct.class, CatalogClient.Price.class,
        ProductSnapshot.class, Money.class, SessionEvent.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
