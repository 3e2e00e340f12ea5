package io.slipway.auth.oidc;

import io.slipway.auth.Caller;
import java.time.Instant;

/** The outcome of a completed sign-in: who signed in, and the ID token needed to sign them out again. */
public record SignedIn(Caller caller, String idToken, Instant expiresAt) implements java.io.Serializable {
}
