package io.slipway.promotion;

import io.slipway.api.ApiCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A project's promotion policy. */
@Path("/orgs/{org}/projects/{project}/policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;
    private final ApiCaller caller;

    @Inject
    public PolicyResource(PolicyService policies, ApiCaller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    protected PolicyResource() {
        this(null, null);
    }

    @GET
    public PolicyView get(@PathParam("org") String org, @PathParam("project") String project) {
        return policies.get(caller.get(), org, project);
    }

    @PUT
    public PolicyView update(@PathParam("org") String org, @PathParam("project") String project,
                             @Valid @NotNull(message = "a JSON body is required") PolicyInput body) {
        return policies.update(caller.get(), org, project, body);
    }
}
