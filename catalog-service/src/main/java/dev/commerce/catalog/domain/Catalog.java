package dev.commerce.catalog.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.catalog.client.MediaGateway;
import dev.commerce.catalog.config.CatalogConfig;
import dev.commerce.catalog.store.ProductStore;
import io.smallrye.mutiny.Uni;

/**
 * The product rules: who sees drafts, optimistic locking on the version, idempotent media attachment. Every
 * method returns a lazy Uni and never blocks.
 */
@ApplicationScoped
public class Catalog {

    private static final int MEDIA_RETRY_AFTER_SECONDS = 5;

    private final ProductStore store;
    private final MediaGateway media;
    private final CatalogConfig config;

    public Catalog(ProductStore store, MediaGateway media, CatalogConfig config) {
        this.store = store;
        this.media = media;
        this.config = config;
    }

    public Uni<Product> create(ProductDraft draft) {
        Instant now = Instant.now();
        Product product = new Product(draft.id().orElseGet(() -> UUID.randomUUID().toString()), draft.sku(), draft.name(),
                draft.description(), draft.category(), draft.price(), draft.stock(), draft.status(), List.of(), 1, now, now);
        return store.create(product);
    }

    /** @param seesDrafts whether the caller may see DRAFT products (admins and services) */
    public Uni<Product> get(String id, Optional<Boolean> consistent, boolean seesDrafts) {
        return store.find(id, consistent.orElse(config.consistentReads()))
                .map(found -> found.filter(p -> visible(p, seesDrafts)).orElseThrow(() -> CatalogProblems.productNotFound(id)));
    }

    public Uni<Product> getBySku(String sku, Optional<Boolean> consistent, boolean seesDrafts) {
        return store.findBySku(sku, consistent.orElse(config.consistentReads()))
                .map(found -> found.filter(p -> visible(p, seesDrafts))
                        .orElseThrow(() -> CatalogProblems.skuNotFound(sku)));
    }

    /** Up to 100 products in one BatchGetItem, in the order asked; unknown (or, for customers, DRAFT) ids are missing. */
    public Uni<BatchResult> getAll(List<String> ids, Optional<Boolean> consistent, boolean seesDrafts) {
        List<String> distinct = ids.stream().distinct().toList();
        return store.findAll(distinct, consistent.orElse(config.consistentReads())).map(found -> {
            List<Product> items = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String id : distinct) {
                Product product = found.get(id);
                if (product != null && visible(product, seesDrafts)) {
                    items.add(product);
                } else {
                    missing.add(id);
                }
            }
            return new BatchResult(items, missing);
        });
    }

    public Uni<Slice<ProductSummary>> list(String category, ProductStatus status, int limit, Optional<String> after) {
        return store.listByCategory(category, status, limit, after);
    }

    /** @param expectedVersion the version the client read; empty for If-Match: * */
    public Uni<Product> update(String id, OptionalLong expectedVersion, ProductChanges changes) {
        return current(id, expectedVersion).flatMap(product -> {
            Product changed = changes.applyTo(product, Instant.now());
            return sameDetails(product, changed) ? Uni.createFrom().item(product) : store.saveDetails(changed, product.version());
        });
    }

    /** Soft delete: the product stays readable (orders refer to it) but can no longer be bought. */
    public Uni<Product> archive(String id, OptionalLong expectedVersion) {
        return update(id, expectedVersion, ProductChanges.status(ProductStatus.ARCHIVED));
    }

    public Uni<Product> setStock(String id, OptionalLong expectedVersion, long stock) {
        return current(id, expectedVersion).flatMap(product -> store.setStock(id, stock, product.version(), Instant.now()));
    }

    public Uni<Product> adjustStock(String id, long delta) {
        return store.adjustStock(id, delta, Instant.now());
    }

    /**
     * Adds a media id after media-service confirmed it exists. Attaching one that is already there changes
     * nothing and does not ask media-service. While media-service cannot answer, fails with 503.
     */
    public Uni<Product> attachMedia(String id, String mediaId) {
        return mediaChange(id, 0, product -> {
            if (product.mediaIds().contains(mediaId)) {
                return Uni.createFrom().item(Optional.of(product));
            }
            if (product.mediaIds().size() >= config.media().maxPerProduct()) {
                return Uni.createFrom().failure(CatalogProblems.tooManyMedia(id, config.media().maxPerProduct()));
            }
            return media.exists(mediaId)
                    .onFailure().transform(e -> CatalogProblems.mediaServiceUnavailable(MEDIA_RETRY_AFTER_SECONDS))
                    .flatMap(exists -> exists
                            ? store.appendMedia(id, mediaId, config.media().maxPerProduct(), Instant.now())
                            : Uni.createFrom().failure(CatalogProblems.unknownMedia(mediaId)));
        });
    }

    /** Removes a media id; removing one that is not there changes nothing. */
    public Uni<Product> detachMedia(String id, String mediaId) {
        return mediaChange(id, 0, product -> {
            int index = product.mediaIds().indexOf(mediaId);
            return index < 0
                    ? Uni.createFrom().item(Optional.of(product))
                    : store.removeMedia(id, index, mediaId, Instant.now());
        });
    }

    /** Reads the product and applies a conditional media change; when another change won the race, reads again. */
    private Uni<Product> mediaChange(String id, int attempt, Function<Product, Uni<Optional<Product>>> change) {
        return store.find(id, true)
                .map(found -> found.orElseThrow(() -> CatalogProblems.productNotFound(id)))
                .flatMap(product -> change.apply(product))
                .flatMap(result -> {
                    if (result.isPresent()) {
                        return Uni.createFrom().item(result.get());
                    }
                    if (attempt + 1 >= config.writes().maxAttempts()) {
                        return Uni.createFrom().failure(CatalogProblems.contended());
                    }
                    return Backoff.pause(config.writes().retryBaseDelay(), attempt)
                            .chain(() -> mediaChange(id, attempt + 1, change));
                });
    }

    private Uni<Product> current(String id, OptionalLong expectedVersion) {
        return store.find(id, true).map(found -> {
            Product product = found.orElseThrow(() -> CatalogProblems.productNotFound(id));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != product.version()) {
                throw CatalogProblems.versionMismatch(product.version());
            }
            return product;
        });
    }

    private static boolean sameDetails(Product a, Product b) {
        return a.name().equals(b.name()) && a.description().equals(b.description()) && a.category().equals(b.category())
                && a.price().equals(b.price()) && a.status() == b.status();
    }

    private static boolean visible(Product product, boolean seesDrafts) {
        return seesDrafts || product.status() != ProductStatus.DRAFT;
    }
}
