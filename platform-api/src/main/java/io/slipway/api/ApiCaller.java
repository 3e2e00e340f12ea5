package io.slipway.api;

import io.slipway.auth.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current API request, from its validated bearer token. */
@RequestScoped
public class ApiCaller {

    private final JsonWebToken token;

    @Inject
    public ApiCaller(JsonWebToken token) {
        this.token = token;
    }

    /** For CDI's proxy. */
    protected ApiCaller() {
        this.token = null;
    }

    public Caller get() {
        if (token == null || token.getRawToken() == null || token.getSubject() == null) {
            throw ProblemException.unauthorized("A bearer access token from the Slipway realm is required.");
        }
        String username = Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(token.getSubject());
        return new Caller(token.getSubject(), username, token.getGroups());
    }
}
