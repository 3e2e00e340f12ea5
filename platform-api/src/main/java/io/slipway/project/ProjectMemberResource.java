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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/orgs/{org}/projects/{project}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectMemberResource {

    private final ProjectMemberService members;
    private final ApiCaller caller;

    @Inject
    public ProjectMemberResource(ProjectMemberService members, ApiCaller caller) {
        this.members = members;
        this.caller = caller;
    }

    protected ProjectMemberResource() {
        this(null, null);
    }

    @GET
    public Page<ProjectMemberView> list(@PathParam("org") String org, @PathParam("project") String project,
                                        @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return members.list(caller.get(), org, project, PageRequest.of(limit, cursor));
    }

    @PUT
    @Path("/{userId}")
    public Response assign(@PathParam("org") String org, @PathParam("project") String project,
                           @PathParam("userId") String userId,
                           @Valid @NotNull(message = "a JSON body is required") RoleAssignment body) {
        ProjectMemberService.Assigned assigned = members.assign(caller.get(), org, project, userId, body);
        return Response.status(assigned.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(assigned.member()).build();
    }

    @DELETE
    @Path("/{userId}")
    public Response remove(@PathParam("org") String org, @PathParam("project") String project,
                           @PathParam("userId") String userId) {
        members.remove(caller.get(), org, project, userId);
        return Response.noContent().build();
    }
}
