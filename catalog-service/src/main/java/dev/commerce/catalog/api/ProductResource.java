package dev.commerce.catalog.api;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import dev.commerce.catalog.domain.BatchResult;
import dev.commerce.catalog.domain.Catalog;
import dev.commerce.catalog.domain.Product;
import dev.commerce.catalog.domain.ProductStatus;
import dev.commerce.catalog.domain.ProductSummary;
import dev.commerce.common.api.ProblemException;
import dev.commerce.common.api.VersionTags;
import dev.commerce.common.auth.Roles;
import dev.commerce.common.paging.CursorCodec;
import dev.commerce.common.paging.Page;
import dev.commerce.common.paging.PageLimit;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Products: anyone signed in reads, admins write. Runs on the event loop: every store and media-service call is
 * asynchronous.
 */
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    private static final String ETAG = "ETag";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final Catalog catalog;
    private final CursorCodec cursors;
    private final SecurityIdentity caller;

    public ProductResource(Catalog catalog, CursorCodec cursors, SecurityIdentity caller) {
        this.catalog = catalog;
        this.cursors = cursors;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Product>> create(@NotNull(message = "a JSON body is required") @Valid CreateProductBody body) {
        return catalog.create(body.toDraft()).map(product -> RestResponse.ResponseBuilder
                .<Product> created(URI.create("/products/" + product.id())).entity(product).header(ETAG, VersionTags.of(product.version())).build());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public Uni<RestResponse<Product>> get(@PathParam("id") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @QueryParam("consistent") Boolean consistent) {
        return catalog.get(id, Optional.ofNullable(consistent), Callers.seesDrafts(caller)).map(ProductResource::tagged);
    }

    @GET
    @Path("/by-sku/{sku}")
    @Authenticated
    public Uni<RestResponse<Product>> getBySku(@PathParam("sku") @Pattern(regexp = Patterns.SKU, message = Patterns.SKU_MESSAGE) String sku,
            @QueryParam("consistent") Boolean consistent) {
        return catalog.getBySku(sku, Optional.ofNullable(consistent), Callers.seesDrafts(caller)).map(ProductResource::tagged);
    }

    /** A category's products in one status (ACTIVE unless an admin or service asks for another), by name. */
    @GET
    @Authenticated
    public Uni<Page<ProductSummary>> list(
            @QueryParam("category") @NotNull @Pattern(regexp = Patterns.CATEGORY, message = Patterns.CATEGORY_MESSAGE) String category,
            @QueryParam("status") @Pattern(regexp = "DRAFT|ACTIVE|ARCHIVED", message = "must be DRAFT, ACTIVE or ARCHIVED") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        ProductStatus listed = status == null ? ProductStatus.ACTIVE : ProductStatus.valueOf(status);
        if (listed == ProductStatus.DRAFT && !Callers.seesDrafts(caller)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only admins and services list DRAFT products");
        }
        Optional<String> after = Optional.ofNullable(cursor).map(cursors::decode);
        return catalog.list(category, listed, PageLimit.parse(limit, 20, Patterns.MAX_LIMIT), after)
                .map(slice -> new Page<>(slice.items(), slice.continueAfter().map(cursors::encode).orElse(null)));
    }

    /** Up to 100 products in one call, in request order; ids not found are listed in {@code missing}. */
    @POST
    @Path("/batch-get")
    @Authenticated
    public Uni<BatchResult> batchGet(@NotNull(message = "a JSON body is required") @Valid BatchGetBody body,
            @QueryParam("consistent") Boolean consistent) {
        return catalog.getAll(body.ids(), Optional.ofNullable(consistent), Callers.seesDrafts(caller));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    public Uni<RestResponse<Product>> update(@PathParam("id") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid UpdateProductBody body) {
        return catalog.update(id, VersionTags.required(ifMatch, "product"), body.toChanges()).map(ProductResource::tagged);
    }

    /** Archives the product (soft delete): still readable, no longer purchasable. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Product>> archive(@PathParam("id") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @HeaderParam("If-Match") String ifMatch) {
        return catalog.archive(id, VersionTags.required(ifMatch, "product")).map(ProductResource::tagged);
    }

    @PUT
    @Path("/{id}/stock")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Product>> setStock(@PathParam("id") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid StockBody body) {
        return catalog.setStock(id, VersionTags.required(ifMatch, "product"), body.stock()).map(ProductResource::tagged);
    }

    /** Adds or removes stock relative to what is there now (deliveries, write-offs); never below zero. */
    @POST
    @Path("/{id}/stock-adjustments")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Product>> adjustStock(@PathParam("id") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @NotNull(message = "a JSON body is required") @Valid StockAdjustmentBody body) {
        return catalog.adjustStock(id, body.delta()).map(ProductResource::tagged);
    }

    /** Attaches a media id once media-service confirms it exists; attaching it again changes nothing. */
    @PUT
    @Path("/{id}/media/{mediaId}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Product>> attachMedia(@PathParam("id") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @PathParam("mediaId") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String mediaId) {
        return catalog.attachMedia(id, mediaId).map(ProductResource::tagged);
    }

    @DELETE
    @Path("/{id}/media/{mediaId}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Product>> detachMedia(@PathParam("id") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String id,
            @PathParam("mediaId") @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String mediaId) {
        return catalog.detachMedia(id, mediaId).map(ProductResource::tagged);
    }

    private static RestResponse<Product> tagged(Product product) {
        return RestResponse.ResponseBuilder.ok(product).header(ETAG, VersionTags.of(product.version())).build();
    }
}
