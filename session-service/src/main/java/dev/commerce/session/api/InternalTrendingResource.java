package dev.commerce.session.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.commerce.common.auth.Roles;
import dev.commerce.session.domain.Trending;
import io.smallrye.mutiny.Uni;

@Path("/internal/trending/purchases")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class InternalTrendingResource {

    private final Trending trending;

    public InternalTrendingResource(Trending trending) {
        this.trending = trending;
    }

    public record Purchase(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, '-' or '_'") String orderId,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull PurchasedItem> items) {
    }

    public record PurchasedItem(
            @NotNull @Pattern(regexp = CartViews.PRODUCT_ID, message = "must be 1-64 letters, digits, '-' or '_'") String productId,
            @NotNull @Min(1) @Max(CartViews.MAX_QUANTITY) Integer quantity) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report an order's purchases; counted once per orderId, replays are accepted and ignored")
    public Uni<RestResponse<Void>> report(@Valid @NotNull Purchase purchase) {
        List<Trending.Item> items = purchase.items().stream()
                .map(item -> new Trending.Item(item.productId(), item.quantity())).toList();
        return trending.recordPurchase(purchase.orderId(), items).map(counted -> RestResponse.accepted());
    }
}
