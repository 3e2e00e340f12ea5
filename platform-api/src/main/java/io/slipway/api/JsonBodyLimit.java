package io.slipway.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Rejects request bodies over {@value #MAX_BYTES} bytes with 413, whether or not the client declared the size:
 * a declared Content-Length over the limit is refused before reading, a chunked body when it crosses it.
 * <p>
 * The limit does not depend on the Content-Type, however it is spelled ({@code Application/JSON}, parameters,
 * none at all): it runs after the request was matched to a resource method, and every method's body is JSON
 * but those marked {@link StreamedBody} (artifact uploads, which have their own, much larger limit).
 */
@Provider
public class JsonBodyLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(StreamedBody.class)) {
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            throw tooLarge();
        }
        request.setEntityStream(BoundedBody.of(request.getEntityStream(), MAX_BYTES, JsonBodyLimit::tooLarge));
    }

    private static ProblemException tooLarge() {
        return ProblemException.payloadTooLarge("JSON request bodies are limited to " + MAX_BYTES + " bytes.");
    }
}
