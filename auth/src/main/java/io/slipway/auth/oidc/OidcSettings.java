package io.slipway.auth.oidc;

import java.net.URI;

/**
 * Where the identity provider is and who the console is to it.
 *
 * @param issuer       the realm URL browsers reach, e.g. {@code http://127.0.0.1:8180/realms/slipway}; tokens
 *                     carry it as {@code iss}
 * @param backChannel  the realm URL the server reaches (the same as {@code issuer} unless the server sees
 *                     the identity provider under another name, as inside a cluster)
 * @param clientId     the console's confidential client
 * @param clientSecret its secret
 */
public record OidcSettings(URI issuer, URI backChannel, String clientId, String clientSecret) {

    URI authorizationEndpoint() {
        return URI.create(issuer + "/protocol/openid-connect/auth");
    }

    URI tokenEndpoint() {
        return URI.create(backChannel + "/protocol/openid-connect/token");
    }

    URI jwksEndpoint() {
        return URI.create(backChannel + "/protocol/openid-connect/certs");
    }

    URI endSessionEndpoint() {
        return URI.create(issuer + "/protocol/openid-connect/logout");
    }
}
