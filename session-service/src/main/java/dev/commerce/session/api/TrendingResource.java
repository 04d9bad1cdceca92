package dev.commerce.session.api;

import java.util.List;
import java.util.regex.Pattern;

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
import dev.commerce.session.domain.Trending;
import dev.commerce.session.domain.TrendingWindow;
import io.smallrye.mutiny.Uni;

@Path("/trending")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN, Roles.SERVICE })
@Tag(name = "Trending")
public class TrendingResource {

    private static final int MAX_LIMIT = 100;
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");

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
            @RestQuery @DefaultValue("10") String limit) {
        TrendingWindow chosen = TrendingWindow.of(window)
                .orElseThrow(() -> ProblemException.invalidField("window", "must be 1h or 24h"));
        return trending.top(chosen, limit(limit)).map(scores -> new Leaderboard(chosen.label(),
                scores.stream().map(score -> new Item(score.productId(), score.score())).toList()));
    }

    /** Parsed here rather than bound as an int, so that a non-number is a 400 problem and not JAX-RS's 404. */
    private static int limit(String text) {
        if (!LIMIT.matcher(text).matches() || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be a number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }
}
