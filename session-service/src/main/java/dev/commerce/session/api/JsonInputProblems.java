package dev.commerce.session.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.commerce.common.api.ProblemMappers;

/**
 * JSON bodies of the wrong shape (empty, an array for an object, a string for a number) as problem+json: Quarkus'
 * own mapper for this exception type is more specific than the shared JsonProcessingException mapper and would
 * answer 400 without a body.
 */
public class JsonInputProblems {

    private static final ProblemMappers COMMON = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return COMMON.json(e, uri);
    }
}
