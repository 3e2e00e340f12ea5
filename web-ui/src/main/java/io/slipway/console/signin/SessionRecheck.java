package io.slipway.console.signin;

import io.slipway.auth.LogSafe;
import io.slipway.auth.oidc.IdentityUnavailableException;
import io.slipway.auth.oidc.SessionEndedException;
import io.slipway.auth.oidc.SignedIn;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * When and how a console sign-in is re-checked with the identity provider: at the first request after
 * {@code interval} since the last check, by refreshing its tokens. A refusal (session ended or revoked,
 * account disabled) ends the sign-in; an identity provider that cannot be reached decides nothing, so the
 * sign-in goes on until the next check, but never past its refresh token's lapse, after which the identity
 * provider's session is over anyway.
 *
 * <p>Where the re-check falls matters to the browser. A page load that finds the sign-in ended is sent to the
 * identity provider, and Vaadin's background requests are answered "session expired", on which its client
 * reloads the page; but the request that starts a loaded page ({@code v-r=init}) cannot be answered with
 * anything its client survives (it shows an offline page instead). So a page load re-checks a little early
 * ({@link #LEAD} before due) and the start of the page it loaded, which follows within milliseconds, a
 * little late: that start is never the request that finds the sign-in ended.
 */
final class SessionRecheck {

    private static final Logger LOG = Logger.getLogger(SessionRecheck.class.getName());

    /** How much earlier a page load re-checks, and how much later the start of a page does. */
    static final Duration LEAD = Duration.ofSeconds(10);

    /** What a request is to the re-check. */
    enum Request {
        /** A page load: the browser navigates here, and can be sent on to the identity provider. */
        PAGE_LOAD(LEAD.negated()),
        /** The start of a page just loaded (Vaadin's {@code v-r=init}). */
        PAGE_START(LEAD),
        /** Anything else: Vaadin's changes and heartbeats, files. */
        OTHER(Duration.ZERO);

        private final Duration shift;

        Request(Duration shift) {
            this.shift = shift;
        }
    }

    private final Duration interval;
    private final UnaryOperator<SignedIn> refresh;

    SessionRecheck(Duration interval, UnaryOperator<SignedIn> refresh) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The console's re-check interval cannot be negative: " + interval);
        }
        this.interval = interval;
        this.refresh = refresh;
    }

    /** {@code current} if not due, the refreshed sign-in if due and confirmed, empty if it has ended. */
    Optional<SignedIn> check(SignedIn current, Instant now) {
        return check(current, now, Request.OTHER);
    }

    /** As {@link #check(SignedIn, Instant)}, due earlier or later for some {@code request}s. */
    Optional<SignedIn> check(SignedIn current, Instant now, Request request) {
        if (now.isBefore(current.checkedAt().plus(interval).plus(request.shift))) {
            return Optional.of(current);
        }
        try {
            return Optional.of(refresh.apply(current));
        } catch (SessionEndedException e) {
            LOG.info(() -> "Console sign-in of " + LogSafe.of(current.caller().username()) + " ended: "
                    + LogSafe.of(e.getMessage()));
            return Optional.empty();
        } catch (IdentityUnavailableException e) {
            if (!now.isBefore(current.refreshExpiresAt())) {
                LOG.info(() -> "Console sign-in of " + LogSafe.of(current.caller().username())
                        + " ended: its refresh token lapsed while the identity provider was unavailable");
                return Optional.empty();
            }
            LOG.warning(() -> "Cannot re-check the console sign-in of " + LogSafe.of(current.caller().username())
                    + " (trying again in " + interval + "): " + LogSafe.of(e.getMessage()));
            return Optional.of(current.checkedAt(now));
        }
    }
}
