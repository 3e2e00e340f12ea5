package io.slipway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The RFC 9457 body of every error response; {@code errorId} is set for server errors only. On the Open Inference
 * Protocol's paths {@code error} repeats the detail, as that protocol's clients read it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
                      String errorId, String error) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://slipway.io/problems/";

    public static Problem of(ProblemException e) {
        return new Problem(TYPE_BASE + e.code(), e.title(), e.status(), e.getMessage(), e.code(), e.fieldErrors(),
                null, null);
    }

    public static Problem serverError(String errorId) {
        return new Problem(TYPE_BASE + "internal-error", "Internal server error", 500,
                "The server failed to handle this request. Quote error id " + errorId + " when reporting it.",
                "internal-error", List.of(), errorId, null);
    }

    /** The same problem with the protocol's {@code error} member: the detail. */
    public Problem withProtocolError() {
        return new Problem(type, title, status, detail, code, errors, errorId, detail);
    }
}
