package io.slipway.deployment;

import io.slipway.api.ApiCaller;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.StreamedBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;

/** A project's deployments, and the short way to call one ({@code predict}). */
@Path("/orgs/{org}/projects/{project}/deployments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    private final DeploymentService deployments;
    private final RequestLogService requestLog;
    private final DeploymentMetricsService metrics;
    private final InferenceCalls calls;
    private final ApiCaller caller;

    @Inject
    public DeploymentResource(DeploymentService deployments, RequestLogService requestLog,
                              DeploymentMetricsService metrics, InferenceCalls calls, ApiCaller caller) {
        this.deployments = deployments;
        this.requestLog = requestLog;
        this.metrics = metrics;
        this.calls = calls;
        this.caller = caller;
    }

    protected DeploymentResource() {
        this(null, null, null, null, null);
    }

    @POST
    public Response create(@PathParam("org") String org, @PathParam("project") String project,
                           @Valid @NotNull(message = "a JSON body is required") NewDeployment body) {
        DeploymentView created = deployments.create(caller.get(), org, project, body);
        return Response.created(UriBuilder.fromPath("/api/v1/orgs/{org}/projects/{p}/deployments/{d}")
                .build(org, project, created.name())).entity(created).build();
    }

    @GET
    public Page<DeploymentView> list(@PathParam("org") String org, @PathParam("project") String project,
                                     @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return deployments.list(caller.get(), org, project, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{deployment}")
    public DeploymentView get(@PathParam("org") String org, @PathParam("project") String project,
                              @PathParam("deployment") String deployment) {
        return deployments.get(caller.get(), org, project, deployment);
    }

    @PATCH
    @Path("/{deployment}")
    public DeploymentView update(@PathParam("org") String org, @PathParam("project") String project,
                                 @PathParam("deployment") String deployment,
                                 @Valid @NotNull(message = "a JSON body is required") DeploymentChanges body) {
        return deployments.update(caller.get(), org, project, deployment, body);
    }

    @DELETE
    @Path("/{deployment}")
    public Response delete(@PathParam("org") String org, @PathParam("project") String project,
                           @PathParam("deployment") String deployment) {
        deployments.delete(caller.get(), org, project, deployment);
        return Response.noContent().build();
    }

    /** The deployment's request log, newest first; {@code status} and {@code version} filter it. */
    @GET
    @Path("/{deployment}/logs")
    public Page<RequestLogView> logs(@PathParam("org") String org, @PathParam("project") String project,
                                     @PathParam("deployment") String deployment, @QueryParam("status") Integer status,
                                     @QueryParam("version") Integer version, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        return requestLog.page(caller.get(), org, project, deployment,
                new RequestLogService.Filter(Optional.ofNullable(status), Optional.ofNullable(version)),
                PageRequest.of(limit, cursor));
    }

    /**
     * The deployment's requests over a window (ISO-8601, default {@code PT15M}): totals, per version and in 60
     * steps, with latency percentiles; what the console charts.
     */
    @GET
    @Path("/{deployment}/metrics")
    public DeploymentMetricsView metrics(@PathParam("org") String org, @PathParam("project") String project,
                                         @PathParam("deployment") String deployment,
                                         @QueryParam("window") String window) {
        return metrics.summary(caller.get(), org, project, deployment, window);
    }

    /** The Open Inference Protocol's {@code infer} body and answer, on the deployment's own path. */
    @POST
    @Path("/{deployment}/predict")
    @StreamedBody
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public Response predict(@PathParam("org") String org, @PathParam("project") String project,
                            @PathParam("deployment") String deployment, @Context HttpServletRequest request,
                            InputStream body) {
        return calls.infer(caller.get(), org, project, deployment, OptionalInt.empty(), request, body);
    }
}
