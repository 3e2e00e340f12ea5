package io.slipway.console;

import io.slipway.api.LoggedFailure;
import io.slipway.api.ProblemException;
import io.slipway.api.ProblemMapper;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The problem a failed service call means for the person using the console, translated exactly as the REST API's
 * {@link ProblemMapper} translates it. Anything else is a server error that the console shows only by an error id.
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
            LOG.log(Level.SEVERE, "Console action failed with error id " + errorId, LoggedFailure.of(failure));
            return "Something went wrong. Quote error id " + errorId + " when reporting it.";
        });
    }

    /** The HTTP status the REST API would answer this failure with. */
    public static int status(Throwable failure) {
        return of(failure).map(ProblemException::status).orElse(500);
    }

    private static Optional<ProblemException> of(Throwable failure) {
        return ProblemMapper.translate(failure);
    }
}
