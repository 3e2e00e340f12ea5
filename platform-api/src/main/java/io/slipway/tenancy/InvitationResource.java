package io.slipway.tenancy;

import io.slipway.api.ApiCaller;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An organization's invitations, for its owners (made with {@code POST /orgs/{org}/members}). */
@Path("/orgs/{org}/invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService invitations;
    private final ApiCaller caller;

    @Inject
    public InvitationResource(InvitationService invitations, ApiCaller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    protected InvitationResource() {
        this(null, null);
    }

    @GET
    public Page<InvitationView> list(@PathParam("org") String org, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        return invitations.list(caller.get(), org, PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("org") String org, @PathParam("id") String id) {
        invitations.revoke(caller.get(), org, id);
        return Response.noContent().build();
    }
}
