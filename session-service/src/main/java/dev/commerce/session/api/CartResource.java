package dev.commerce.session.api;

import java.util.OptionalLong;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import dev.commerce.common.api.VersionTags;
import dev.commerce.session.domain.Cart;
import dev.commerce.session.domain.Carts;
import dev.commerce.session.domain.Session;
import io.smallrye.mutiny.Uni;

/**
 * The cart of the session in X-Session-Token. Responses carry the cart version as ETag; changes accept an optional
 * If-Match with it (412 when the cart has changed since).
 */
@Path("/cart")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Cart")
public class CartResource {

    private final ActiveSessions active;
    private final Carts carts;

    public CartResource(ActiveSessions active, Carts carts) {
        this.active = active;
        this.carts = carts;
    }

    @GET
    @Operation(summary = "The cart with product details from catalog-service (cached)")
    public Uni<RestResponse<CartViews.View>> get(@RestHeader(ActiveSessions.HEADER) String token) {
        return active.resolve(token, true)
                .map(touched -> Cart.fromHash(touched.session().id(), touched.session().subject(), touched.cart()))
                .chain(carts::view)
                .map(CartResource::withEtag);
    }

    @POST
    @Path("/lines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add units of a product (adds to an existing line)")
    public Uni<RestResponse<CartViews.View>> add(@RestHeader(ActiveSessions.HEADER) String token,
            @RestHeader("If-Match") String ifMatch, @Valid @NotNull CartViews.AddLine line) {
        OptionalLong expected = VersionTags.optional(ifMatch);
        return change(token, session -> carts.add(session, line.productId(), line.quantity(), expected));
    }

    @PUT
    @Path("/lines/{productId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the quantity of a product; 0 removes the line")
    public Uni<RestResponse<CartViews.View>> set(@RestHeader(ActiveSessions.HEADER) String token,
            @RestHeader("If-Match") String ifMatch,
            @RestPath @Pattern(regexp = CartViews.PRODUCT_ID, message = "must be 1-64 letters, digits, '-' or '_'") String productId,
            @Valid @NotNull CartViews.SetQuantity body) {
        OptionalLong expected = VersionTags.optional(ifMatch);
        return change(token, session -> carts.set(session, productId, body.quantity(), expected));
    }

    @DELETE
    @Path("/lines/{productId}")
    @Operation(summary = "Remove a product from the cart (idempotent)")
    public Uni<RestResponse<Void>> remove(@RestHeader(ActiveSessions.HEADER) String token,
            @RestHeader("If-Match") String ifMatch,
            @RestPath @Pattern(regexp = CartViews.PRODUCT_ID, message = "must be 1-64 letters, digits, '-' or '_'") String productId) {
        OptionalLong expected = VersionTags.optional(ifMatch);
        return active.resolve(token, false)
                .chain(touched -> carts.remove(touched.session(), productId, expected))
                .map(CartResource::noContent);
    }

    @DELETE
    @Operation(summary = "Empty the cart")
    public Uni<RestResponse<Void>> clear(@RestHeader(ActiveSessions.HEADER) String token,
            @RestHeader("If-Match") String ifMatch) {
        OptionalLong expected = VersionTags.optional(ifMatch);
        return active.resolve(token, false)
                .chain(touched -> carts.clear(touched.session(), expected))
                .map(CartResource::noContent);
    }

    private Uni<RestResponse<CartViews.View>> change(String token, Function<Session, Uni<Long>> change) {
        return active.resolve(token, false).chain(touched -> change.apply(touched.session())
                .chain(() -> carts.current(touched.session()))
                .chain(carts::view)
                .map(CartResource::withEtag));
    }

    private static RestResponse<CartViews.View> withEtag(Carts.View view) {
        return RestResponse.ResponseBuilder.ok(CartViews.View.of(view))
                .header("ETag", VersionTags.of(view.cart().version()))
                .build();
    }

    private static RestResponse<Void> noContent(long version) {
        return RestResponse.ResponseBuilder.<Void>noContent().header("ETag", VersionTags.of(version)).build();
    }

}
