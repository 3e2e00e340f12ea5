package io.slipway.tenancy;

import io.slipway.api.ApiCaller;
import io.slipway.api.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's own invitations: the ones they may answer now, and the answers. */
@Path("/invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReceivedInvitationResource {

    private final InvitationService invitations;
    private final ApiCaller caller;

    @Inject
    public ReceivedInvitationResource(InvitationService invitations, ApiCaller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    protected ReceivedInvitationResource() {
        this(null, null);
    }

    @GET
    public Page<ReceivedInvitationView> list() {
        return new Page<>(invitations.received(caller.get()), null);
    }

    /** Joins the organization with the invitation's role: 200 with the membership. */
    @POST
    @Path("/{id}/accept")
    public OrgMemberView accept(@PathParam("id") String id) {
        return invitations.accept(caller.get(), id);
    }

    @POST
    @Path("/{id}/decline")
    public Response decline(@PathParam("id") String id) {
        invitations.decline(caller.get(), id);
        return Response.noContent().build();
    }
}
