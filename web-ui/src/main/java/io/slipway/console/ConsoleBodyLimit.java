package io.slipway.console;

import io.slipway.api.ContentType;
import io.slipway.api.Json;
import io.slipway.api.Problem;
import io.slipway.api.ProblemException;
import io.slipway.artifact.ArtifactLimits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Bounds what the console servlet's container may spool to disk before an upload reaches a service. The container
 * writes a multipart upload's file to a temporary file as it parses the request (see {@link ConsoleServlet}), so
 * the limit must hold before that: a request whose declared length exceeds the largest artifact any organization
 * may upload (plus room for the multipart framing) is refused with 413, and a multipart request that does not
 * declare its length (chunked) with 411 — browsers always declare it. The organization's own, possibly smaller,
 * limit is applied by the upload service, from the part's size, before it reads a byte of the file.
 */
@WebFilter(servletNames = ConsoleServlet.NAME, asyncSupported = true)
public class ConsoleBodyLimit extends HttpFilter {

    /** Boundaries, part headers and a file name around the file: generous. */
    static final long MULTIPART_FRAMING_BYTES = 64 * 1024;

    private final ArtifactLimits limits;

    @Inject
    public ConsoleBodyLimit(ArtifactLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<ProblemException> refused = refusal(request.getContentType(), request.getContentLengthLong(),
                limits::largestMaxBytes);
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(refused.get().status());
        response.setHeader("Connection", "close"); // the body is not read
        response.setContentType(Problem.MEDIA_TYPE);
        Json.MAPPER.writeValue(response.getOutputStream(), Problem.of(refused.get()));
    }

    /**
     * Why a request with this Content-Type and declared length (-1 when unknown) may not reach the servlet, if it
     * may not. A body whose Content-Type cannot be read counts as multipart: the container may think it is one.
     */
    static Optional<ProblemException> refusal(String contentType, long contentLength, LongSupplier largestArtifact) {
        if (contentLength < 0) {
            boolean multipart = contentType != null
                    && ContentType.parse(contentType).map(ContentType::isMultipart).orElse(true);
            return multipart ? Optional.of(lengthRequired()) : Optional.empty();
        }
        if (contentLength <= MULTIPART_FRAMING_BYTES) {
            return Optional.empty();
        }
        long largest = largestArtifact.getAsLong();
        if (contentLength - MULTIPART_FRAMING_BYTES > largest) {
            return Optional.of(ProblemException.payloadTooLarge("Artifacts are limited to "
                    + ArtifactLimits.describe(largest) + " (" + largest + " bytes)."));
        }
        return Optional.empty();
    }

    private static ProblemException lengthRequired() {
        return new ProblemException(411, "length-required", "Length required",
                "An upload must declare its length (Content-Length).", List.of());
    }
}
