package io.slipway.auth.oidc;

import java.net.URI;

/**
 * A started sign-in: the URL to send the browser to, and the secrets to keep in the server-side session
 * until the browser comes back.
 */
public record SignInRequest(URI authorizationUrl, String state, String nonce, String codeVerifier,
                            URI redirectUri, String returnTo) implements java.io.Serializable {
}
