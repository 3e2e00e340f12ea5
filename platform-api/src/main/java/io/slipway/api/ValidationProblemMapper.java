package io.slipway.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Routes Bean Validation failures to {@link ProblemMapper}. Needed only because the JAX-RS runtime ships a
 * mapper for its own validation exception that is more specific than {@code ExceptionMapper<Throwable>};
 * this one is more specific still. All translation stays in {@link ProblemMapper}.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException failure) {
        return ProblemMapper.forRequest(uriInfo).problemResponse(failure);
    }
}
