package dev.commerce.session.domain;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.commerce.common.api.Problem;
import dev.commerce.common.api.ProblemException;
import dev.commerce.session.config.SessionConfig;
import dev.commerce.session.store.CartStore;
import dev.commerce.session.store.CartStore.Limits;
import dev.commerce.session.store.CartStore.Mutation;
import dev.commerce.session.store.CartStore.Operation;
import io.smallrye.mutiny.Uni;

/**
 * Cart rules: bounded lines and quantities, products must be orderable when added, no change while checkout holds
 * the cart's lock ({@code cart:<sessionId>}), optional If-Match on the cart version. Every change is published.
 */
@ApplicationScoped
public class Carts {

    private final CartStore store;
    private final ProductSnapshots snapshots;
    private final SessionEventHub events;
    private final Limits limits;
    private final Clock clock;

    public Carts(CartStore store, ProductSnapshots snapshots, SessionEventHub events, SessionConfig config, Clock clock) {
        this.store = store;
        this.snapshots = snapshots;
        this.events = events;
        this.limits = new Limits(config.cart().maxLines(), config.cart().maxQuantity());
        this.clock = clock;
    }

    /** A cart with what is known about each of its products. */
    public record View(Cart cart, Map<String, ProductLookup> products) {
    }

    public Uni<View> view(Cart cart) {
        return snapshots.lookup(cart.productIds()).map(products -> new View(cart, products));
    }

    /** The session's cart as stored now. */
    public Uni<Cart> current(Session session) {
        return store.read(session.id()).map(owned -> owned
                .map(found -> Cart.fromHash(session.id(), found.subject(), found.cart()))
                .orElseThrow(Sessions::invalidSession));
    }

    public Uni<Long> add(Session session, String productId, int quantity, OptionalLong ifMatch) {
        return requireOrderable(productId).chain(() -> change(session, Operation.ADD, productId, quantity, ifMatch));
    }

    public Uni<Long> set(Session session, String productId, int quantity, OptionalLong ifMatch) {
        Uni<Void> checked = quantity > 0 ? requireOrderable(productId) : Uni.createFrom().voidItem();
        return checked.chain(() -> change(session, quantity > 0 ? Operation.SET : Operation.REMOVE, productId, quantity, ifMatch));
    }

    public Uni<Long> remove(Session session, String productId, OptionalLong ifMatch) {
        return change(session, Operation.REMOVE, productId, 0, ifMatch);
    }

    public Uni<Long> clear(Session session, OptionalLong ifMatch) {
        return change(session, Operation.CLEAR, null, 0, ifMatch);
    }

    /** The cart of any session, for order-service; empty when there is no such session. */
    public Uni<Optional<Cart>> forCheckout(String sessionId) {
        return store.read(sessionId).map(owned -> owned.map(found -> Cart.fromHash(sessionId, found.subject(), found.cart())));
    }

    /** Empties a cart after checkout, ignoring the checkout's own lock; idempotent, also for a session that is gone. */
    public Uni<Void> clearAfterCheckout(String sessionId) {
        return store.read(sessionId).chain(owned -> owned.isEmpty() ? Uni.createFrom().voidItem()
                : store.mutate(sessionId, Operation.CLEAR, null, 0, limits, OptionalLong.empty(), false)
                        .call(mutation -> announce(owned.get().subject(), sessionId, mutation))
                        .replaceWithVoid());
    }

    private Uni<Long> change(Session session, Operation operation, String productId, int quantity, OptionalLong ifMatch) {
        return store.mutate(session.id(), operation, productId, quantity, limits, ifMatch, true)
                .call(mutation -> announce(session.subject(), session.id(), mutation))
                .map(mutation -> switch (mutation.outcome()) {
                    case CHANGED, UNCHANGED -> mutation.version();
                    case NO_SESSION -> throw Sessions.invalidSession();
                    case LOCKED -> throw ProblemException.conflict("cart-locked",
                            "The cart is being checked out; try again when checkout has finished");
                    case VERSION_MISMATCH -> throw ProblemException.preconditionFailed(
                            "The cart is at version " + mutation.version() + ", not the one in If-Match");
                    case QUANTITY_TOO_HIGH -> throw cartLimit("At most " + limits.maxQuantity() + " units of one product");
                    case TOO_MANY_LINES -> throw cartLimit("At most " + limits.maxLines() + " products in one cart");
                });
    }

    private Uni<Void> announce(String subject, String sessionId, Mutation mutation) {
        return mutation.outcome() == CartStore.Outcome.CHANGED
                ? events.publish(SessionEvent.cartChanged(subject, sessionId, mutation.version(), clock.millis()))
                : Uni.createFrom().voidItem();
    }

    /** Refuses products catalog-service says are unknown or not on sale; while it cannot tell, the reservation decides. */
    private Uni<Void> requireOrderable(String productId) {
        return snapshots.lookup(List.of(productId)).invoke(found -> {
            ProductLookup lookup = found.get(productId);
            boolean refused = lookup instanceof ProductLookup.Missing
                    || lookup instanceof ProductLookup.Found product && !product.product().isActive();
            if (refused) {
                throw new ProblemException(422, "unavailable-products", "Unavailable products",
                        "Product " + productId + " does not exist or is not for sale",
                        List.of(new Problem.FieldError("productId", "not available")), Map.of());
            }
        }).replaceWithVoid();
    }

    private static ProblemException cartLimit(String detail) {
        return new ProblemException(422, "cart-limit", "Cart limit reached", detail);
    }
}
