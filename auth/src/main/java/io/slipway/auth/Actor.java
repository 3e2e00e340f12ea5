package io.slipway.auth;

import java.util.UUID;

/**
 * Who acts: a person (a Keycloak user: {@link Caller}), a service account (a Keycloak client bound to one
 * project and role), a run (its token may only report on that run), or the platform itself (garbage
 * collection, deployment switching, admission). Services, the access policy and the audit trail take an actor;
 * the audit trail records its {@link #kind()}.
 */
public sealed interface Actor permits Caller, Actor.ServiceAccount, Actor.Run, Actor.Platform {

    /** {@code person}, {@code service-account}, {@code run} or {@code platform}. */
    String kind();

    /** A stable id within the kind: a Keycloak user id, a client id, a run id, a platform task. */
    String id();

    /** What people read: a user name, a client id, {@code run <id>}, the platform task. */
    String name();

    /** A Keycloak client acting for one project with one role. */
    record ServiceAccount(String clientId, UUID projectId, ProjectRole role) implements Actor {
        @Override
        public String kind() {
            return "service-account";
        }

        @Override
        public String id() {
            return clientId;
        }

        @Override
        public String name() {
            return clientId;
        }
    }

    /** A training run, acting with its run token on that run alone. */
    record Run(UUID runId) implements Actor {
        @Override
        public String kind() {
            return "run";
        }

        @Override
        public String id() {
            return runId.toString();
        }

        @Override
        public String name() {
            return "run " + runId;
        }
    }

    /** Slipway itself, doing work no one asked for at that moment; {@code task} says which. */
    record Platform(String task) implements Actor {
        @Override
        public String kind() {
            return "platform";
        }

        @Override
        public String id() {
            return "platform";
        }

        @Override
        public String name() {
            return task;
        }
    }
}
