package io.slipway.deployment;

import io.slipway.api.FieldError;
import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import io.slipway.serving.InferenceFailedException;
import io.slipway.serving.InferenceRequest;
import io.slipway.serving.InferenceResult;
import io.slipway.serving.InvalidInputException;
import io.slipway.serving.ModelSignature;
import io.slipway.serving.OverloadedException;
import io.slipway.serving.Route;
import io.slipway.serving.VersionNotServedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Calling deployments: who may (the operation, then the deployment's own rule for viewers), and running a request
 * on the version its route serves. The access check is one short read, remembered for a few seconds
 * ({@link CallerAccessCache}); the inference itself runs outside any transaction, on sessions held in memory.
 */
@ApplicationScoped
public class InferenceService {

    private final ProjectAccess access;
    private final DeploymentRepository deployments;
    private final DeploymentRuntime runtime;
    private final CallerAccessCache cache;

    @Inject
    public InferenceService(ProjectAccess access, DeploymentRepository deployments, DeploymentRuntime runtime,
                            CallerAccessCache cache) {
        this.access = access;
        this.deployments = deployments;
        this.runtime = runtime;
        this.cache = cache;
    }

    protected InferenceService() {
        this(null, null, null, null);
    }

    /**
     * A deployment the caller may call (or read).
     *
     * @param payloadSampleRate the share of its requests whose bodies the request log keeps
     */
    public record Target(UUID orgId, UUID projectId, UUID deploymentId, String name, double payloadSampleRate) {
    }

    /** What the Open Inference Protocol's model metadata says of a deployment. */
    public record Metadata(String name, List<Integer> versions, ModelSignature signature) {
    }

    /**
     * The deployment, if the caller may call it: from the access cache when it was allowed a moment ago (no
     * database read), else checked.
     */
    public Target callable(Caller caller, String orgSlug, String projectSlug, String name) {
        return cache.target(caller.userId(), orgSlug, projectSlug, name,
                () -> checkCallable(caller, orgSlug, projectSlug, name));
    }

    private Target checkCallable(Caller caller, String orgSlug, String projectSlug, String name) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_INFER, context -> {
            Deployment deployment = deployments.require(context, name);
            if (!deployment.settings().viewersMayInfer() && !context.may(Operation.DEPLOYMENT_MANAGE)) {
                throw ProblemException.forbidden("Deployment '" + name + "' does not let viewers call it: data"
                        + " scientists and above may, and its settings can let viewers too (viewersMayInfer).");
            }
            return target(context.orgId(), context.project().id(), deployment);
        });
    }

    private static Target target(UUID orgId, UUID projectId, Deployment deployment) {
        return new Target(orgId, projectId, deployment.id(), deployment.name(),
                deployment.settings().payloadSampleRate());
    }

    /** The deployment, if the caller may read it. */
    public Target readable(Caller caller, String orgSlug, String projectSlug, String name) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_READ, context -> {
            Deployment deployment = deployments.require(context, name);
            return target(context.orgId(), context.project().id(), deployment);
        });
    }

    /** Checks that the caller may use the project's serving endpoints at all (server metadata and health). */
    public void requireServingAccess(Caller caller, String orgSlug, String projectSlug) {
        access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_READ, context -> context);
    }

    /** Runs the request on the version the deployment serves (or on {@code version}, if it is loaded). */
    public InferenceResult infer(Target target, OptionalInt version, InferenceRequest request) {
        Route route = route(target);
        try {
            return route.infer(version, request.inputs(), request.outputNames());
        } catch (VersionNotServedException e) {
            throw version.isPresent() ? ProblemException.notFound(e.getMessage()) : notReady(e.getMessage());
        } catch (OverloadedException e) {
            throw ProblemException.tooManyRequests("deployment-overloaded", e.getMessage(), e.retryAfter());
        } catch (InvalidInputException e) {
            throw invalid(e);
        } catch (InferenceFailedException e) {
            throw new ProblemException(500, "inference-failed", "Inference failed", "The model could not answer: "
                    + e.getMessage(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("serving-stopping", "The server is stopping; send the request again.");
        }
    }

    /** The versions loaded for the deployment and the signature of the one asked for (the current by default). */
    public Metadata metadata(Target target, OptionalInt version) {
        Route route = route(target);
        Route.Active active = active(route, target, version);
        List<Integer> versions = java.util.stream.Stream.concat(route.current().stream(), route.previous().stream())
                .map(Route.Active::version).toList();
        return new Metadata(target.name(), versions, active.model().signature());
    }

    /** Whether the deployment answers now (with {@code version}, if given). */
    public boolean ready(Target target, OptionalInt version) {
        return runtime.route(target.deploymentId())
                .map(route -> version.isPresent() ? route.serves(version.getAsInt()) : route.current().isPresent())
                .orElse(false);
    }

    /** Problem for a request the reader refused. */
    public static ProblemException invalid(InvalidInputException e) {
        return ProblemException.badRequest("invalid-inference-request", e.getMessage(),
                new FieldError(e.field(), e.getMessage()));
    }

    private Route route(Target target) {
        return runtime.route(target.deploymentId()).orElseThrow(() -> notReady("Deployment '" + target.name()
                + "' has no version loaded on this server yet."));
    }

    private static Route.Active active(Route route, Target target, OptionalInt version) {
        if (version.isEmpty()) {
            return route.current().orElseThrow(() -> notReady("Deployment '" + target.name()
                    + "' has no version loaded yet."));
        }
        return java.util.stream.Stream.concat(route.current().stream(), route.previous().stream())
                .filter(a -> a.version() == version.getAsInt()).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Deployment '" + target.name() + "' does not serve version "
                        + version.getAsInt() + "."));
    }

    private static ProblemException notReady(String detail) {
        return ProblemException.unavailable("deployment-not-ready", detail, Duration.ofSeconds(1));
    }
}
