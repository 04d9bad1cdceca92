package dev.commerce.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import dev.commerce.common.auth.Roles;
import dev.commerce.session.domain.ProductSnapshots;
import io.smallrye.mutiny.Uni;

/** Cache invalidation, called by catalog-service when a product changes. */
@Path("/internal/product-snapshots/{productId}")
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Internal")
public class SnapshotResource {

    private final ProductSnapshots snapshots;

    public SnapshotResource(ProductSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @DELETE
    @Operation(summary = "Forget the cached snapshot of a product (idempotent)")
    public Uni<Void> invalidate(
            @RestPath @Pattern(regexp = CartViews.PRODUCT_ID, message = "must be 1-64 letters, digits, '-' or '_'") String productId) {
        return snapshots.invalidate(productId);
    }
}
