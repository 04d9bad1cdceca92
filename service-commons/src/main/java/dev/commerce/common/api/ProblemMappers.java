package dev.commerce.common.api;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 response. Client mistakes get a 4xx that says what to fix; anything
 * unexpected gets a bare 500 whose {@code instance} matches a log line, never a stack trace or driver text.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(new Problem(Problem.type(e.slug()), e.title(), e.status(),
                e.getMessage(), path(uri), e.errors()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.type("validation"), "Invalid input", 400, detail, path(uri), errors)).build();
    }

    /**
     * Request bodies Jackson cannot read. Quarkus has its own, more specific mapper for MismatchedInputException
     * (a bare 400), so that type is mapped here explicitly; syntax errors reach {@link #web} wrapped in a 400.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return JsonInputProblems.of(e, path(uri)).map(problem -> respond(problem).build()).orElseGet(() -> unexpected(e, uri));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your role does not allow this operation", path(uri), List.of())).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info != null ? info.getReasonPhrase() : "Request error";
        Response.ResponseBuilder response = respond(new Problem(Problem.type(slug(title)), title, status,
                safeDetail(e, status), path(uri), List.of()));
        copyHeader(e, response, "Allow");
        copyHeader(e, response, "Retry-After");
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error on %s (incident %s)", path(uri), incident);
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "Unexpected error; quote incident " + incident, path(uri), List.of())).build();
    }

    private static Response unauthorized(UriInfo uri) {
        return respond(new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                "A valid bearer token is required", path(uri), List.of()))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String field(ConstraintViolation<?> violation) {
        // "create.arg0.items[2].quantity" -> "items[2].quantity": drop the method and parameter names.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String safeDetail(WebApplicationException e, int status) {
        // Framework messages for 404/405/406/415 are generic and safe; others may echo internals.
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "No acceptable representation";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported content type";
            default -> e.getMessage() != null && e.getMessage().length() < 200 && !e.getMessage().contains("Exception")
                    ? e.getMessage() : Response.Status.fromStatusCode(status) + "";
        };
    }

    private static void copyHeader(WebApplicationException e, Response.ResponseBuilder response, String header) {
        Object value = e.getResponse().getHeaders().getFirst(header);
        if (value != null) {
            response.header(header, value);
        }
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
