package io.slipway.api;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * Gives every API request an id of the server's making, and every response (errors included) the
 * {@value #HEADER} header with it: the id a caller quotes, and the key of an inference's lineage node
 * ({@code request:<id>}). A client's own id travels in the body (the inference protocol's {@code id}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = RequestIds.class.getName();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PROPERTY, UUID.randomUUID().toString());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof String id && !response.getHeaders().containsKey(HEADER)) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The id of the request being handled (a request's properties are its servlet attributes). */
    public static String of(HttpServletRequest request) {
        if (request.getAttribute(PROPERTY) instanceof String id) {
            return id;
        }
        String id = UUID.randomUUID().toString();
        request.setAttribute(PROPERTY, id);
        return id;
    }
}
