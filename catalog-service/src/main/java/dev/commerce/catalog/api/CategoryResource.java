package dev.commerce.catalog.api;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.commerce.catalog.domain.CategoryCount;
import dev.commerce.catalog.store.CategoryStore;
import dev.commerce.common.paging.CursorCodec;
import dev.commerce.common.paging.Page;
import dev.commerce.common.paging.PageLimit;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Categories with their ACTIVE product counts, kept up to date from the table's stream (eventually consistent). */
@Path("/categories")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CategoryResource {

    private final CategoryStore categories;
    private final CursorCodec cursors;

    public CategoryResource(CategoryStore categories, CursorCodec cursors) {
        this.categories = categories;
        this.cursors = cursors;
    }

    @GET
    public Uni<Page<CategoryCount>> list(@QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Optional<String> after = Optional.ofNullable(cursor).map(cursors::decode);
        return categories.list(PageLimit.parse(limit, 50, Patterns.MAX_LIMIT), after)
                .map(slice -> new Page<>(slice.items(), slice.continueAfter().map(cursors::encode).orElse(null)));
    }
}
