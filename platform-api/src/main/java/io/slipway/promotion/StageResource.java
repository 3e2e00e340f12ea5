package io.slipway.promotion;

import io.slipway.api.ApiCaller;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A model's stage: its history, and one-step rollback. */
@Path("/orgs/{org}/projects/{project}/models/{model}/stages/{stage}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StageResource {

    private final StageService stages;
    private final ApiCaller caller;

    @Inject
    public StageResource(StageService stages, ApiCaller caller) {
        this.stages = stages;
        this.caller = caller;
    }

    protected StageResource() {
        this(null, null);
    }

    @GET
    @Path("/history")
    public Page<StageChangeView> history(@PathParam("org") String org, @PathParam("project") String project,
                                         @PathParam("model") String model, @PathParam("stage") String stage,
                                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return stages.history(caller.get(), org, project, model, stage, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/rollback")
    public StageChangeView rollback(@PathParam("org") String org, @PathParam("project") String project,
                                    @PathParam("model") String model, @PathParam("stage") String stage,
                                    @Valid @NotNull(message = "a JSON body is required") RollbackInput body) {
        return stages.rollback(caller.get(), org, project, model, stage, body);
    }
}
