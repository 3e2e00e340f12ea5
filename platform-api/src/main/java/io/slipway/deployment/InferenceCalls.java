package io.slipway.deployment;

import io.slipway.api.BoundedBody;
import io.slipway.api.ProblemException;
import io.slipway.api.RequestIds;
import io.slipway.auth.Caller;
import io.slipway.serving.InferenceRequest;
import io.slipway.serving.InferenceRequestReader;
import io.slipway.serving.InferenceResponseWriter;
import io.slipway.serving.InferenceResult;
import io.slipway.serving.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One inference call over HTTP, shared by the Open Inference Protocol's {@code infer} and the short
 * {@code .../deployments/{d}/predict}: reads the request (JSON or with binary tensors) within its size limit,
 * runs it and writes the answer, naming the version that computed it.
 */
@ApplicationScoped
public class InferenceCalls {

    /** The binary tensor extension's header: the length of the JSON that starts the body. */
    public static final String HEADER_LENGTH = "Inference-Header-Content-Length";
    /** Names the model version that answered, on every successful inference response. */
    public static final String VERSION_HEADER = "X-Model-Version";

    private final InferenceService inference;
    private final RequestLog log;
    private final long maxRequestBytes;

    @Inject
    public InferenceCalls(InferenceService inference, RequestLog log,
                          @ConfigProperty(name = "slipway.serving.max-request-bytes", defaultValue = "67108864")
                          long maxRequestBytes) {
        this.inference = inference;
        this.log = log;
        this.maxRequestBytes = maxRequestBytes;
    }

    protected InferenceCalls() {
        this(null, null, 0);
    }

    public Response infer(Caller caller, String orgSlug, String projectSlug, String deployment, OptionalInt version,
                          HttpServletRequest http, InputStream body) {
        String requestId = RequestIds.of(http);
        Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long start = System.nanoTime();
        InferenceService.Target target = inference.callable(caller, orgSlug, projectSlug, deployment);
        InferenceRequest request;
        InferenceResult result;
        try {
            request = read(http, body);
            result = inference.infer(target, version, request);
        } catch (ProblemException e) {
            log(target, caller, requestId, received, start, OptionalInt.empty(), e.status(), Optional.of(e.code()));
            throw e;
        } catch (RuntimeException e) {
            log(target, caller, requestId, received, start, OptionalInt.empty(), 500, Optional.of("internal-error"));
            throw e;
        }
        log(target, caller, requestId, received, start, OptionalInt.of(result.version()), 200, Optional.empty());
        InferenceResponseWriter answer = InferenceResponseWriter.of(target.name(), result.version(),
                request.id().orElse(requestId), request, result.outputs());
        Response.ResponseBuilder response = Response.ok((StreamingOutput) answer::writeTo)
                .header(RequestIds.HEADER, requestId)
                .header(VERSION_HEADER, result.version());
        if (answer.hasBinary()) {
            response.type(MediaType.APPLICATION_OCTET_STREAM_TYPE).header(HEADER_LENGTH, answer.headerLength());
        } else {
            response.type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response.build();
    }

    private void log(InferenceService.Target target, Caller caller, String requestId, Instant received, long start,
                     OptionalInt version, int status, Optional<String> errorCode) {
        log.record(new RequestRecord(target.orgId(), target.projectId(), target.deploymentId(),
                UUID.fromString(requestId), received, version, (System.nanoTime() - start) / 1000, status, errorCode,
                caller.kind(), caller.id(), caller.name()));
    }

    private InferenceRequest read(HttpServletRequest http, InputStream body) {
        OptionalLong headerLength = headerLength(http.getHeader(HEADER_LENGTH));
        if (http.getContentLengthLong() > maxRequestBytes) {
            throw tooLarge();
        }
        try {
            return InferenceRequestReader.read(BoundedBody.of(body, maxRequestBytes, this::tooLarge), headerLength);
        } catch (InvalidInputException e) {
            throw InferenceService.invalid(e);
        } catch (IOException e) {
            throw ProblemException.badRequest("body-unreadable", "The request body could not be read ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    private static OptionalLong headerLength(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(HEADER_LENGTH, "must be the JSON header's length in bytes");
        }
    }

    private ProblemException tooLarge() {
        return ProblemException.payloadTooLarge("Inference requests are limited to " + maxRequestBytes + " bytes"
                + " (slipway.serving.max-request-bytes).");
    }
}
