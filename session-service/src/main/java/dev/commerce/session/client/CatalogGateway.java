package dev.commerce.session.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.commerce.session.client.CatalogClient.BatchGetRequest;
import dev.commerce.session.client.CatalogClient.CatalogProduct;
import dev.commerce.session.domain.CatalogBatch;
import dev.commerce.session.domain.Money;
import dev.commerce.session.domain.ProductSnapshot;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * catalog-service as the cart sees it: bounded in time, retried when a retry can help, and cut off by a circuit
 * breaker while it keeps failing, so a catalog outage costs carts their fresh product data, never their
 * availability. Values below are defaults; application.properties overrides them per environment.
 */
@ApplicationScoped
public class CatalogGateway {

    public static final String CIRCUIT = "catalog";
    private static final Logger LOG = Logger.getLogger(CatalogGateway.class);

    private final CatalogClient catalog;

    public CatalogGateway(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    /**
     * Snapshots of the given products (at most {@link CatalogClient#MAX_BATCH}). batch-get is a POST only to carry
     * the id list; it reads and changes nothing, so retrying it is as safe as retrying a GET. Server errors and
     * connection failures are retried; timeouts are not, as a slow catalog would only get slower.
     */
    @Timeout(1000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = { CatalogUnavailableException.class, ProcessingException.class },
            abortOn = { CatalogRejectedException.class, TimeoutException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CatalogRejectedException.class)
    @CircuitBreakerName(CIRCUIT)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<CatalogBatch> products(Set<String> ids) {
        return catalog.batchGet(new BatchGetRequest(new ArrayList<>(ids))).map(response -> {
            Map<String, ProductSnapshot> found = new HashMap<>();
            for (CatalogProduct product : response.items() == null ? List.<CatalogProduct>of() : response.items()) {
                if (product != null && product.id() != null && ids.contains(product.id())) {
                    found.put(product.id(), snapshot(product));
                }
            }
            Set<String> missing = new HashSet<>(response.missing() == null ? List.of() : response.missing());
            missing.retainAll(ids);
            return new CatalogBatch(true, found, missing);
        });
    }

    Uni<CatalogBatch> unavailable(Set<String> ids, Throwable cause) {
        LOG.debugf("catalog-service unavailable for %d product(s): %s", ids.size(), cause.toString());
        return Uni.createFrom().item(CatalogBatch.unavailable());
    }

    private static ProductSnapshot snapshot(CatalogProduct product) {
        Money price = product.price() == null || product.price().amount() == null ? null
                : new Money(product.price().amount(), product.price().currency());
        return new ProductSnapshot(product.id(), product.sku(), product.name(), product.category(), price,
                product.stock() == null ? 0 : product.stock(), product.status(),
                product.version() == null ? 0 : product.version());
    }
}
