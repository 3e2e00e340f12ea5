package io.slipway.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.auth.Caller;
import io.slipway.auth.oidc.IdentityUnavailableException;
import io.slipway.auth.oidc.SessionEndedException;
import io.slipway.auth.oidc.SignedIn;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SessionRecheckTest {

    private static final Instant SIGNED_IN_AT = Instant.parse("2026-01-15T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(2);

    private final SignedIn admin = new SignedIn(new Caller("u-1", "root", Set.of("platform-admin")), "id", "refresh",
            "sid", SIGNED_IN_AT.plus(Duration.ofMinutes(30)), SIGNED_IN_AT);
    private final AtomicInteger refreshes = new AtomicInteger();

    @Test
    void aSignInIsNotAskedAboutBeforeTheIntervalHasPassed() {
        SessionRecheck recheck = recheck(current -> fail());

        assertThat(recheck.check(admin, SIGNED_IN_AT.plus(INTERVAL).minusSeconds(1))).containsSame(admin);
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void aDueSignInIsRefreshedAndTakesTheRolesTheIdentityProviderNowGives() {
        SignedIn demoted = new SignedIn(new Caller("u-1", "root", Set.of()), "id-2", "refresh-2", "sid",
                SIGNED_IN_AT.plus(Duration.ofMinutes(32)), SIGNED_IN_AT.plus(INTERVAL));
        SessionRecheck recheck = recheck(current -> demoted);

        assertThat(recheck.check(admin, SIGNED_IN_AT.plus(INTERVAL))).containsSame(demoted);
    }

    @Test
    void aSignInTheIdentityProviderNoLongerVouchesForEnds() {
        SessionRecheck recheck = recheck(current -> {
            throw new SessionEndedException("The token endpoint refused: HTTP 400 invalid_grant User disabled");
        });

        assertThat(recheck.check(admin, SIGNED_IN_AT.plus(INTERVAL))).isEmpty();
    }

    @Test
    void anUnreachableIdentityProviderLeavesTheSignInUntilTheNextCheck() {
        SessionRecheck recheck = recheck(current -> {
            throw new IdentityUnavailableException("unreachable");
        });
        Instant now = SIGNED_IN_AT.plus(INTERVAL);

        SignedIn kept = recheck.check(admin, now).orElseThrow();

        assertThat(kept.caller()).isEqualTo(admin.caller());
        assertThat(kept.checkedAt()).isEqualTo(now);
        assertThat(recheck.check(kept, now.plusSeconds(1))).containsSame(kept);
    }

    @Test
    void anUnreachableIdentityProviderDoesNotKeepASignInPastItsRefreshTokensLapse() {
        SessionRecheck recheck = recheck(current -> {
            throw new IdentityUnavailableException("unreachable");
        });

        assertThat(recheck.check(admin, admin.refreshExpiresAt())).isEmpty();
    }

    @Test
    void aPageLoadReChecksEarlySoTheStartOfThePageItLoadedNeverFindsTheSignInEnded() {
        SessionRecheck recheck = recheck(current -> {
            throw new SessionEndedException("User disabled");
        });
        Instant pageLoad = SIGNED_IN_AT.plus(INTERVAL).minus(SessionRecheck.LEAD);

        assertThat(recheck.check(admin, pageLoad.minusMillis(1), SessionRecheck.Request.PAGE_LOAD)).containsSame(admin);
        assertThat(recheck.check(admin, pageLoad, SessionRecheck.Request.PAGE_LOAD)).isEmpty();
    }

    @Test
    void theStartOfAPageIsReCheckedOnlyOnceWellPastDue() {
        SessionRecheck recheck = recheck(current -> {
            throw new SessionEndedException("User disabled");
        });
        Instant due = SIGNED_IN_AT.plus(INTERVAL);

        assertThat(recheck.check(admin, due.plus(SessionRecheck.LEAD).minusMillis(1), SessionRecheck.Request.PAGE_START))
                .containsSame(admin);
        assertThat(recheck.check(admin, due.plus(SessionRecheck.LEAD), SessionRecheck.Request.PAGE_START)).isEmpty();
        assertThat(refreshes).hasValue(1);
    }

    private SessionRecheck recheck(UnaryOperator<SignedIn> refresh) {
        return new SessionRecheck(INTERVAL, current -> {
            refreshes.incrementAndGet();
            return refresh.apply(current);
        });
    }

    private static SignedIn fail() {
        throw new AssertionError("the identity provider was asked before the interval passed");
    }
}
