package dev.commerce.order.api;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.commerce.common.api.Problem;
import dev.commerce.order.client.DependencyRejectedException;
import dev.commerce.order.client.DependencyUnavailableException;
import dev.commerce.order.config.OrderConfig;
import dev.commerce.order.domain.OrderRejectedException;
import dev.commerce.order.store.DatabaseUnavailableException;
import dev.commerce.order.store.Databases;

/**
 * Problems specific to orders: refusals with detail members (short stock, unavailable products) and 503 with
 * Retry-After while the database or a dependency is unavailable. Driver and dependency messages stay in the log.
 */
public class OrderProblemMappers {

    private static final Logger LOG = Logger.getLogger(OrderProblemMappers.class);

    private final Databases databases;
    private final long dependencyRetryAfter;

    public OrderProblemMappers(Databases databases, OrderConfig config) {
        this.databases = databases;
        this.dependencyRetryAfter = config.checkout().dependencyRetryAfter().toSeconds();
    }

    @ServerExceptionMapper
    public Response rejected(OrderRejectedException e, UriInfo uri) {
        Map<String, Object> body = problem(e.slug(), e.title(), e.status(), e.getMessage(), uri);
        body.putAll(e.details());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response database(DatabaseUnavailableException e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.getCause());
        return unavailable("The order database is unavailable; try again shortly", databases.retryAfter().toSeconds(), uri);
    }

    @ServerExceptionMapper
    public Response dependency(DependencyUnavailableException e, UriInfo uri) {
        LOG.warnf("Dependency unavailable on %s: %s", uri.getPath(), e.getMessage());
        return unavailable(e.service() + " is unavailable; try again shortly", dependencyRetryAfter, uri);
    }

    @ServerExceptionMapper
    public Response faultTolerance(FaultToleranceException e, UriInfo uri) {
        LOG.warnf("Dependency call cut short on %s: %s", uri.getPath(), e.toString());
        return unavailable("A service this one depends on is unavailable or overloaded; try again shortly", dependencyRetryAfter, uri);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e, UriInfo uri) {
        LOG.warnf("Dependency unreachable on %s: %s", uri.getPath(), e.toString());
        return unavailable("A service this one depends on cannot be reached; try again shortly", dependencyRetryAfter, uri);
    }

    /** A dependency that is down (port closed): the reactive REST client surfaces the transport error itself. */
    @ServerExceptionMapper
    public Response connectionRefused(ConnectException e, UriInfo uri) {
        LOG.warnf("Dependency unreachable on %s: %s", uri.getPath(), e.toString());
        return unavailable("A service this one depends on cannot be reached; try again shortly", dependencyRetryAfter, uri);
    }

    @ServerExceptionMapper
    public Response refused(DependencyRejectedException e, UriInfo uri) {
        LOG.errorf("Dependency refused a call on %s: %s", uri.getPath(), e.getMessage());
        return Response.status(502).type(Problem.MEDIA_TYPE)
                .entity(problem("bad-gateway", "Bad gateway", 502, "A service this one depends on refused the request", uri)).build();
    }

    private static Response unavailable(String detail, long retryAfterSeconds, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)))
                .entity(problem("unavailable", "Service unavailable", 503, detail, uri)).build();
    }

    private static Map<String, Object> problem(String slug, String title, int status, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.type(slug).toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", uri.getPath());
        return body;
    }
}
