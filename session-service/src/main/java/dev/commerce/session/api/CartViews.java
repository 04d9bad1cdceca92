package dev.commerce.session.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.commerce.session.domain.Cart;
import dev.commerce.session.domain.Carts;
import dev.commerce.session.domain.Money;
import dev.commerce.session.domain.ProductLookup;
import dev.commerce.session.domain.ProductSnapshot;

/** Cart requests and representations. */
public final class CartViews {

    /** Product ids as catalog-service issues them. */
    public static final String PRODUCT_ID = "[A-Za-z0-9_-]{1,64}";
    /** A sanity bound; the configured per-line maximum (session.cart.max-quantity) applies on top. */
    public static final int MAX_QUANTITY = 10_000;

    private CartViews() {
    }

    public record AddLine(
            @NotNull @Pattern(regexp = PRODUCT_ID, message = "must be 1-64 letters, digits, '-' or '_'") String productId,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    /** Quantity 0 removes the line. */
    public record SetQuantity(@NotNull @Min(0) @Max(MAX_QUANTITY) Integer quantity) {
    }

    /**
     * The cart with product details. {@code product} is null when catalog-service is unavailable and nothing is
     * cached; {@code stale} marks details served from an expired cache entry for the same reason; {@code complete}
     * says whether every line has details, and {@code subtotal} is given only then.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record View(String sessionId, List<Line> lines, long version, boolean complete, Money subtotal) {

        static View of(Carts.View view) {
            Cart cart = view.cart();
            List<Line> lines = cart.lines().stream()
                    .map(line -> Line.of(line, view.products().get(line.productId())))
                    .toList();
            boolean complete = lines.stream().allMatch(line -> line.product() != null && line.available());
            return new View(cart.sessionId(), lines, cart.version(), complete, complete ? subtotal(lines) : null);
        }

        /** The sum of the line totals, when every line is priced in the same currency. */
        private static Money subtotal(List<Line> lines) {
            if (lines.isEmpty() || lines.stream().anyMatch(line -> line.lineTotal() == null)
                    || lines.stream().map(line -> line.lineTotal().currency()).distinct().count() != 1) {
                return null;
            }
            return lines.stream().map(Line::lineTotal).reduce(Money::plus).orElseThrow();
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Line(String productId, int quantity, Product product, boolean available, boolean stale, Money lineTotal) {

        static Line of(Cart.Line line, ProductLookup lookup) {
            if (lookup instanceof ProductLookup.Found found) {
                ProductSnapshot snapshot = found.product();
                Money total = snapshot.price() == null ? null : snapshot.price().times(line.quantity());
                return new Line(line.productId(), line.quantity(), Product.of(snapshot), snapshot.isActive(),
                        found.stale(), total);
            }
            boolean unknown = lookup instanceof ProductLookup.Missing;
            return new Line(line.productId(), line.quantity(), null, !unknown, false, null);
        }
    }

    public record Product(String sku, String name, String category, Money price, long stock, String status, long version) {

        static Product of(ProductSnapshot snapshot) {
            return new Product(snapshot.sku(), snapshot.name(), snapshot.category(), snapshot.price(), snapshot.stock(),
                    snapshot.status(), snapshot.version());
        }
    }

    /** What order-service reads at checkout. */
    public record CheckoutCart(String sessionId, String subject, List<CheckoutLine> lines, long version) {

        static CheckoutCart of(Cart cart) {
            return new CheckoutCart(cart.sessionId(), cart.subject(),
                    cart.lines().stream().map(line -> new CheckoutLine(line.productId(), line.quantity())).toList(),
                    cart.version());
        }
    }

    public record CheckoutLine(String productId, int quantity) {
    }
}
