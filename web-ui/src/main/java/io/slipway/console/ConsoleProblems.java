package io.slipway.console;

import io.slipway.api.FieldError;
import io.slipway.api.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The problem a failed service call means for the person using the console: the {@link ProblemException} a
 * service threw (found through wrappers), or a Bean Validation failure of the input it was given, as the REST
 * API would report them. Anything else is a server error that the console shows only by an error id.
 */
public final class ConsoleProblems {

    private static final Logger LOG = Logger.getLogger(ConsoleProblems.class.getName());

    private ConsoleProblems() {
    }

    /**
     * What to tell the person: the problem's message, or for a server error a new error id, which the log
     * records with the stack trace.
     */
    public static String describe(Throwable failure) {
        return of(failure).map(ProblemException::getMessage).orElseGet(() -> {
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Console action failed with error id " + errorId, failure);
            return "Something went wrong. Quote error id " + errorId + " when reporting it.";
        });
    }

    /** The HTTP status the REST API would answer this failure with. */
    public static int status(Throwable failure) {
        return of(failure).map(ProblemException::status).orElse(500);
    }

    public static Optional<ProblemException> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return Optional.of(problem);
            }
            if (t instanceof ConstraintViolationException invalid) {
                return Optional.of(fromViolations(invalid));
            }
        }
        return Optional.empty();
    }

    private static ProblemException fromViolations(ConstraintViolationException invalid) {
        List<FieldError> fields = new ArrayList<>();
        for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
            String path = String.valueOf(violation.getPropertyPath());
            fields.add(new FieldError(path.isEmpty() ? "input" : path, violation.getMessage()));
        }
        fields.sort(Comparator.comparing(FieldError::field));
        String detail = fields.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("Invalid input.");
        return new ProblemException(400, "validation-failed", "Invalid input", detail, fields);
    }
}
