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
import java.util.concurrent.ThreadLocalRandom;
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
    private final ServingMetrics metrics;
    private final long maxRequestBytes;

    @Inject
    public InferenceCalls(InferenceService inference, RequestLog log, ServingMetrics metrics,
                          @ConfigProperty(name = "slipway.serving.max-request-bytes", defaultValue = "67108864")
                          long maxRequestBytes) {
        this.inference = inference;
        this.log = log;
        this.metrics = metrics;
        this.maxRequestBytes = maxRequestBytes;
    }

    protected InferenceCalls() {
        this(null, null, null, 0);
    }

    public Response infer(Caller caller, String orgSlug, String projectSlug, String deployment, OptionalInt version,
                          HttpServletRequest http, InputStream body) {
        String requestId = RequestIds.of(http);
        Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long start = System.nanoTime();
        InferenceService.Target target = inference.callable(caller, orgSlug, projectSlug, deployment);
        Call call = new Call(target, new ServingMetrics.Labels(orgSlug, projectSlug, target.name()), caller, requestId,
                received, start, sampled(target) ? Optional.of(new PayloadCapture()) : Optional.empty());
        OptionalLong declared = OptionalLong.empty();
        InferenceRequest request;
        InferenceResult result;
        try {
            declared = headerLength(http.getHeader(HEADER_LENGTH));
            InputStream in = call.requestBody().map(capture -> capture.tee(body)).orElse(body);
            request = read(http, in, declared);
            result = inference.infer(target, version, request);
        } catch (ProblemException e) {
            call.done(OptionalInt.empty(), e.status(), Optional.of(e.code()), declared, null);
            throw e;
        } catch (RuntimeException e) {
            call.done(OptionalInt.empty(), 500, Optional.of("internal-error"), declared, null);
            throw e;
        }
        OptionalLong headerLength = declared;
        InferenceResponseWriter answer = InferenceResponseWriter.of(target.name(), result.version(),
                request.id().orElse(requestId), request, result.outputs());
        OptionalInt answeredBy = OptionalInt.of(result.version());
        StreamingOutput entity;
        if (call.requestBody().isEmpty()) {
            call.done(answeredBy, 200, Optional.empty(), headerLength, null);
            entity = answer::writeTo;
        } else {
            long nanos = System.nanoTime() - start;
            entity = out -> {
                PayloadCapture responseBody = new PayloadCapture();
                try {
                    answer.writeTo(responseBody.tee(out));
                } finally {
                    call.done(answeredBy, 200, Optional.empty(), headerLength, nanos, responseBody,
                            answer.hasBinary() ? answer.headerLength() : Long.MAX_VALUE);
                }
            };
        }
        Response.ResponseBuilder response = Response.ok(entity)
                .header(RequestIds.HEADER, requestId)
                .header(VERSION_HEADER, result.version());
        if (answer.hasBinary()) {
            response.type(MediaType.APPLICATION_OCTET_STREAM_TYPE).header(HEADER_LENGTH, answer.headerLength());
        } else {
            response.type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response.build();
    }

    private static boolean sampled(InferenceService.Target target) {
        double rate = target.payloadSampleRate();
        return rate > 0 && (rate >= 1 || ThreadLocalRandom.current().nextDouble() < rate);
    }

    /** One request on its way: what its metrics and its request-log row are made of when it is done. */
    private final class Call {
        private final InferenceService.Target target;
        private final ServingMetrics.Labels labels;
        private final Caller caller;
        private final String requestId;
        private final Instant received;
        private final long start;
        private final Optional<PayloadCapture> requestBody;

        Call(InferenceService.Target target, ServingMetrics.Labels labels, Caller caller, String requestId,
             Instant received, long start, Optional<PayloadCapture> requestBody) {
            this.target = target;
            this.labels = labels;
            this.caller = caller;
            this.requestId = requestId;
            this.received = received;
            this.start = start;
            this.requestBody = requestBody;
        }

        Optional<PayloadCapture> requestBody() {
            return requestBody;
        }

        void done(OptionalInt version, int status, Optional<String> errorCode, OptionalLong headerLength,
                  PayloadCapture responseBody) {
            done(version, status, errorCode, headerLength, System.nanoTime() - start, responseBody, Long.MAX_VALUE);
        }

        void done(OptionalInt version, int status, Optional<String> errorCode, OptionalLong headerLength, long nanos,
                  PayloadCapture responseBody, long responseTextBytes) {
            metrics.answered(target.deploymentId(), labels, version, status, errorCode.orElse(null), nanos);
            Optional<RequestRecord.PayloadSample> sample = requestBody.map(request -> {
                long requestTextBytes = headerLength.orElse(Long.MAX_VALUE);
                return new RequestRecord.PayloadSample(request.text(requestTextBytes),
                        responseBody == null ? null : responseBody.text(responseTextBytes),
                        request.cut(requestTextBytes) || responseBody != null && responseBody.cut(responseTextBytes));
            });
            log.record(new RequestRecord(target.orgId(), target.projectId(), target.deploymentId(),
                    UUID.fromString(requestId), received, version, nanos / 1000, status, errorCode,
                    caller.kind(), caller.id(), caller.name(), sample));
        }
    }

    private InferenceRequest read(HttpServletRequest http, InputStream body, OptionalLong headerLength) {
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
