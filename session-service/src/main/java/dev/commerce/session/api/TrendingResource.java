package dev.commerce.session.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import dev.commerce.common.api.ProblemException;
import dev.commerce.common.auth.Roles;
import dev.commerce.common.paging.PageLimit;
import dev.commerce.session.domain.Trending;
import dev.commerce.session.domain.TrendingWindow;
import io.smallrye.mutiny.Uni;

@Path("/trending")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN, Roles.SERVICE })
@Tag(name = "Trending")
public class TrendingResource {

    private static final int MAX_LIMIT = 100;
    private static final int DEFAULT_LIMIT = 10;

    private final Trending trending;

    public TrendingResource(Trending trending) {
        this.trending = trending;
    }

    public record Leaderboard(String window, List<Item> items) {
    }

    public record Item(String productId, long score) {
    }

    @GET
    @Operation(summary = "Most purchased products (units) over the last 1h or 24h")
    public Uni<Leaderboard> top(@RestQuery @DefaultValue("1h") String window,
            @RestQuery String limit) {
        TrendingWindow chosen = TrendingWindow.of(window)
                .orElseThrow(() -> ProblemException.invalidField("window", "must be 1h or 24h"));
        return trending.top(chosen, PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT)).map(scores -> new Leaderboard(chosen.label(),
                scores.stream().map(score -> new Item(score.productId(), score.score())).toList()));
    }
}
