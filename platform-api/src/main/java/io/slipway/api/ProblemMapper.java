package io.slipway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.slipway.auth.LogSafe;
import io.slipway.persistence.DatabaseUnavailable;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The one exception mapper: every failure becomes an RFC 9457 problem. Client errors are logged at FINE;
 * server errors at SEVERE with an id that is the only thing the response reveals; what a message quotes from the
 * request is escaped ({@link LogSafe}, {@link LoggedFailure}). Any transaction still
 * active is marked for rollback, so a failed request writes nothing.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    /** Where the Open Inference Protocol's paths are, in every project. */
    public static final String INFERENCE_PROTOCOL_PATH = "/serving/v2";

    @Context
    private UriInfo uriInfo;

    /** A mapper for the request {@code uriInfo} describes (for another mapper that hands its failures here). */
    static ProblemMapper forRequest(UriInfo uriInfo) {
        ProblemMapper mapper = new ProblemMapper();
        mapper.uriInfo = uriInfo;
        return mapper;
    }

    @Override
    public Response toResponse(Throwable failure) {
        return problemResponse(failure);
    }

    /** The problem response for any failure; also used by {@link ValidationProblemMapper}. */
    Response problemResponse(Throwable failure) {
        rollBackActiveTransaction();
        Optional<ProblemException> known = translate(failure);
        if (known.isPresent()) {
            ProblemException problem = known.get();
            if (LOG.isLoggable(Level.FINE)) {
                LOG.log(Level.FINE, "Request failed: " + problem.status() + " " + problem.code() + ": "
                        + LogSafe.of(problem.getMessage()), LoggedFailure.of(failure));
            }
            Response.ResponseBuilder response = respond(problem.status(), Problem.of(problem));
            problem.retryAfter().ifPresent(after -> response.header("Retry-After", Math.max(1, after.toSeconds())));
            return response.build();
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return respond(web.getResponse().getStatus(), Problem.of(fromWebException(web))).build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Request failed with error id " + errorId, LoggedFailure.of(failure));
        return respond(500, Problem.serverError(errorId)).build();
    }

    private Response.ResponseBuilder respond(int status, Problem problem) {
        Problem body = onInferenceProtocolPath() ? problem.withProtocolError() : problem;
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    /** Whether the request is one of the Open Inference Protocol's (whose clients read an {@code error} member). */
    private boolean onInferenceProtocolPath() {
        try {
            return uriInfo != null && uriInfo.getPath().contains(INFERENCE_PROTOCOL_PATH);
        } catch (RuntimeException outsideARequest) {
            return false;
        }
    }

    private static void rollBackActiveTransaction() {
        try {
            TransactionSynchronizationRegistry transactions = (TransactionSynchronizationRegistry)
                    new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                transactions.setRollbackOnly();
            }
        } catch (NamingException | IllegalStateException noTransaction) {
            // nothing to roll back
        }
    }

    /**
     * Finds the client-side cause of a failure, looking through wrappers: the problem it means, or empty for a
     * server error. The console reports failures with it too.
     */
    public static Optional<ProblemException> translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<ProblemException> problem = translateOne(t);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<ProblemException> translateOne(Throwable t) {
        return switch (t) {
            case ProblemException p -> Optional.of(p);
            case ConstraintViolationException v -> Optional.of(fromViolations(v));
            case UnrecognizedPropertyException u -> Optional.of(ProblemException.badRequest("unknown-field",
                    "Unknown field '" + jsonPath(u) + "'. Allowed fields: " + u.getKnownPropertyIds() + ".",
                    new FieldError(jsonPath(u), "unknown field")));
            case MismatchedInputException m -> Optional.of(ProblemException.badRequest("invalid-field",
                    "Field '" + jsonPath(m) + "' has the wrong type or shape.",
                    new FieldError(jsonPath(m), "wrong type or shape")));
            case JsonProcessingException j -> Optional.of(ProblemException.badRequest("malformed-json",
                    "The request body is not valid JSON: " + j.getOriginalMessage()));
            case NoContentException n -> Optional.of(ProblemException.badRequest("body-required",
                    "This request needs a JSON body."));
            case NotSupportedException n -> Optional.of(new ProblemException(415, "unsupported-media-type",
                    "Unsupported media type", "This endpoint does not accept that Content-Type; send application/json.",
                    List.of()));
            case org.hibernate.exception.ConstraintViolationException c -> Optional.of(ProblemException.conflict(
                    "conflict", "The change conflicts with existing data (" + c.getConstraintName() + ")."));
            case io.slipway.auth.directory.DirectoryUnavailableException d -> Optional.of(ProblemException.unavailable(
                    "identity-provider-unavailable", "The identity provider could not be reached: " + d.getMessage()));
            case io.slipway.storage.StoreUnavailableException s -> Optional.of(ProblemException.unavailable(
                    "object-store-unavailable", "The object store could not be reached; nothing was stored."
                    + " Try again in a moment."));
            case org.hibernate.exception.JDBCConnectionException j -> Optional.of(databaseUnavailable());
            case java.sql.SQLTransientConnectionException j -> Optional.of(databaseUnavailable());
            case java.sql.SQLNonTransientConnectionException j -> Optional.of(databaseUnavailable());
            case java.sql.SQLException j when DatabaseUnavailable.means(j) -> Optional.of(databaseUnavailable());
            case OptimisticLockException o -> Optional.of(ProblemException.conflict("concurrent-modification",
                    "Someone else changed this resource at the same time; reload and try again."));
            default -> Optional.empty();
        };
    }

    private static ProblemException databaseUnavailable() {
        return ProblemException.unavailable("database-unavailable",
                "The database could not be reached; the request changed nothing. Try again in a moment.");
    }

    private static ProblemException fromWebException(WebApplicationException web) {
        Response.StatusType status = web.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource.";
            case 405 -> "This resource does not support that HTTP method.";
            case 406 -> "This resource cannot produce the requested media type.";
            default -> status.getReasonPhrase();
        };
        String code = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return new ProblemException(status.getStatusCode(), code, status.getReasonPhrase(), detail, List.of());
    }

    private static ProblemException fromViolations(ConstraintViolationException e) {
        List<FieldError> fields = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            fields.add(new FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        fields.sort(Comparator.comparing(FieldError::field));
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("Invalid input.");
        return new ProblemException(400, "validation-failed", "Invalid input", detail, fields);
    }

    /** Drops the method and parameter nodes of a parameter's property path: {@code create.body.slug} → slug. */
    private static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> {
                    // not part of the body's field path
                }
                default -> {
                    if (!field.isEmpty() && node.getName() != null) {
                        field.append('.');
                    }
                    if (node.getName() != null) {
                        field.append(node.getName());
                    }
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
