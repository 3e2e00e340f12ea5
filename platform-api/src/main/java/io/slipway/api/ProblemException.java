package io.slipway.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure the caller can act on: it carries its HTTP status, a stable machine-readable code and a human
 * message, and becomes an RFC 9457 problem response. Throw it from services; never match on its text.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> fieldErrors;
    private final Duration retryAfter;

    public ProblemException(int status, String code, String title, String detail, List<FieldError> fieldErrors) {
        this(status, code, title, detail, fieldErrors, null);
    }

    private ProblemException(int status, String code, String title, String detail, List<FieldError> fieldErrors,
                             Duration retryAfter) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    /** 429: the caller should send the request again after {@code retryAfter} (the {@code Retry-After} header). */
    public static ProblemException tooManyRequests(String code, String detail, Duration retryAfter) {
        return new ProblemException(429, code, "Too many requests", detail, List.of(), retryAfter);
    }

    public static ProblemException badRequest(String code, String detail, FieldError... fields) {
        return new ProblemException(400, code, "Bad request", detail, List.of(fields));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "invalid-field", "Invalid input", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthenticated", "Unauthenticated", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail, List.of());
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(413, "payload-too-large", "Payload too large", detail, List.of());
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(422, code, "Unprocessable content", detail, List.of());
    }

    public static ProblemException unavailable(String code, String detail) {
        return new ProblemException(503, code, "Service unavailable", detail, List.of());
    }

    /** 503 that the caller may retry after {@code retryAfter} (the {@code Retry-After} header). */
    public static ProblemException unavailable(String code, String detail, Duration retryAfter) {
        return new ProblemException(503, code, "Service unavailable", detail, List.of(), retryAfter);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** When the caller may try again, for a 429 or 503. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
