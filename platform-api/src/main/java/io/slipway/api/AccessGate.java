package io.slipway.api;

import io.slipway.auth.AccessPolicy;
import io.slipway.auth.Caller;
import io.slipway.auth.Decision;
import io.slipway.auth.Grants;
import io.slipway.auth.Operation;

/** Checks platform-level operations, which concern no organization. */
public final class AccessGate {

    private AccessGate() {
    }

    public static void requirePlatform(Caller caller, Operation operation) {
        if (operation.scope() != Operation.Scope.PLATFORM) {
            throw new IllegalArgumentException(operation + " is not a platform operation");
        }
        if (AccessPolicy.decide(operation, Grants.platform(caller)) != Decision.ALLOW) {
            throw ProblemException.forbidden("Only platform admins may do this.");
        }
    }
}
