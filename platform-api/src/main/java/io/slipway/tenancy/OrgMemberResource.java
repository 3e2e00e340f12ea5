package io.slipway.tenancy;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

@Path("/orgs/{org}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrgMemberResource {

    private final OrgMemberService members;
    private final InvitationService invitations;
    private final ApiCaller caller;

    @Inject
    public OrgMemberResource(OrgMemberService members, InvitationService invitations, ApiCaller caller) {
        this.members = members;
        this.invitations = invitations;
        this.caller = caller;
    }

    protected OrgMemberResource() {
        this(null, null, null);
    }

    @GET
    public Page<OrgMemberView> list(@PathParam("org") String org, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return members.list(caller.get(), org, PageRequest.of(limit, cursor));
    }

    /**
     * Invites a person: 202 with a pending invitation, whoever the name is, and they become a member when they
     * accept it ({@code POST /api/v1/invitations/{id}/accept}).
     */
    @POST
    public Response add(@PathParam("org") String org,
                        @Valid @NotNull(message = "a JSON body is required") NewOrgMember body) {
        InvitationView invited = invitations.invite(caller.get(), org, body);
        return Response.accepted(invited)
                .location(UriBuilder.fromPath("/api/v1/orgs/{org}/invitations/{id}").build(org, invited.id()))
                .build();
    }

    @DELETE
    @Path("/{userId}")
    public Response remove(@PathParam("org") String org, @PathParam("userId") String userId) {
        members.remove(caller.get(), org, userId);
        return Response.noContent().build();
    }
}
