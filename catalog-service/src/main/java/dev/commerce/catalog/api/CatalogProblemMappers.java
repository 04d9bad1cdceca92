package dev.commerce.catalog.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.commerce.catalog.domain.InsufficientStockException;
import dev.commerce.catalog.domain.ShortLine;
import dev.commerce.catalog.domain.UnavailableProductsException;
import dev.commerce.common.api.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The catalog's problems that carry extension members (RFC 9457 section 3.2), DynamoDB being unreachable or
 * throttling, which is a retryable 503 rather than an internal error.
 */
public class CatalogProblemMappers {

    private static final Logger LOG = Logger.getLogger(CatalogProblemMappers.class);

    /** 409 urn:problem:insufficient-stock with the lines that could not be reserved. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InsufficientStockProblem(URI type, String title, int status, String detail, String instance,
            List<ShortLine> shortLines) {
    }

    /** 422 urn:problem:unavailable-products with the unknown or not purchasable product ids. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnavailableProductsProblem(URI type, String title, int status, String detail, String instance,
            List<String> productIds) {
    }

    @ServerExceptionMapper
    public Response insufficientStock(InsufficientStockException e, UriInfo uri) {
        return respond(409, new InsufficientStockProblem(Problem.type("insufficient-stock"), "Insufficient stock", 409,
                e.getMessage(), uri.getPath(), e.shortLines()));
    }

    @ServerExceptionMapper
    public Response unavailableProducts(UnavailableProductsException e, UriInfo uri) {
        return respond(422, new UnavailableProductsProblem(Problem.type("unavailable-products"), "Unavailable products", 422,
                e.getMessage(), uri.getPath(), e.productIds()));
    }

    /** Network failures, timeouts, throttling and DynamoDB 5xx: the store is (briefly) unavailable. */
    @ServerExceptionMapper
    public Response store(SdkException e, UriInfo uri) {
        boolean unavailable = e instanceof SdkClientException
                || e instanceof AwsServiceException service && (service.isThrottlingException() || service.statusCode() >= 500);
        if (!unavailable) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "DynamoDB refused a request on %s (incident %s)", uri.getPath(), incident);
            return respond(500, new Problem(Problem.type("internal"), "Internal error", 500,
                    "Unexpected error; quote incident " + incident, uri.getPath(), List.of()));
        }
        LOG.warnf("DynamoDB unavailable on %s: %s", uri.getPath(), e.getClass().getSimpleName());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .entity(new Problem(Problem.type("unavailable"), "Service unavailable", 503,
                        "The catalog store is unavailable; retry shortly", uri.getPath(), List.of()))
                .build();
    }

    private static Response respond(int status, Object problem) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
