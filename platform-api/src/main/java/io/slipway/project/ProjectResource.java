package io.slipway.project;

import io.slipway.api.ApiCaller;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

@Path("/orgs/{org}/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService projects;
    private final ApiCaller caller;

    @Inject
    public ProjectResource(ProjectService projects, ApiCaller caller) {
        this.projects = projects;
        this.caller = caller;
    }

    protected ProjectResource() {
        this(null, null);
    }

    @GET
    public Page<ProjectView> list(@PathParam("org") String org, @QueryParam("limit") Integer limit,
                                  @QueryParam("cursor") String cursor) {
        return projects.list(caller.get(), org, PageRequest.of(limit, cursor));
    }

    @POST
    public Response create(@PathParam("org") String org,
                           @Valid @NotNull(message = "a JSON body is required") NewProject body) {
        ProjectView created = projects.create(caller.get(), org, body);
        return Response.created(UriBuilder.fromPath("/api/v1/orgs/{org}/projects/{p}").build(org, created.slug()))
                .entity(created).build();
    }

    @GET
    @Path("/{project}")
    public ProjectView get(@PathParam("org") String org, @PathParam("project") String project) {
        return projects.get(caller.get(), org, project);
    }

    @PATCH
    @Path("/{project}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ProjectView update(@PathParam("org") String org, @PathParam("project") String project,
                              @Valid @NotNull(message = "a JSON body is required") ProjectChanges body) {
        return projects.update(caller.get(), org, project, body);
    }

    @DELETE
    @Path("/{project}")
    public Response delete(@PathParam("org") String org, @PathParam("project") String project) {
        projects.delete(caller.get(), org, project);
        return Response.noContent().build();
    }
}
