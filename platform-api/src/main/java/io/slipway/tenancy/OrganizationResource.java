package io.slipway.tenancy;

import io.slipway.api.ApiCaller;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

@Path("/orgs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OrganizationService organizations;
    private final ApiCaller caller;

    @Inject
    public OrganizationResource(OrganizationService organizations, ApiCaller caller) {
        this.organizations = organizations;
        this.caller = caller;
    }

    protected OrganizationResource() {
        this(null, null);
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewOrganization body) {
        OrganizationView created = organizations.create(caller.get(), body);
        return Response.created(UriBuilder.fromPath("/api/v1/orgs/{org}").build(created.slug()))
                .entity(created).build();
    }

    @GET
    public Page<OrganizationView> listMine(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return organizations.listMine(caller.get(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{org}")
    public OrganizationView get(@PathParam("org") String org) {
        return organizations.get(caller.get(), org);
    }

    @GET
    @Path("/{org}/settings")
    public OrganizationSettings settings(@PathParam("org") String org) {
        return organizations.settings(caller.get(), org);
    }

    @PATCH
    @Path("/{org}/settings")
    public OrganizationSettings changeSettings(@PathParam("org") String org,
                                               @Valid @NotNull(message = "a JSON body is required")
                                               OrganizationSettingsChanges body) {
        return organizations.changeSettings(caller.get(), org, body);
    }
}
