package io.slipway.webhook;

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

@Path("/orgs/{org}/projects/{project}/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookService webhooks;
    private final ApiCaller caller;

    @Inject
    public WebhookResource(WebhookService webhooks, ApiCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    protected WebhookResource() {
        this(null, null);
    }

    @POST
    public Response create(@PathParam("org") String org, @PathParam("project") String project,
                           @Valid @NotNull(message = "a JSON body is required") NewWebhook body) {
        WebhookView created = webhooks.create(caller.get(), org, project, body);
        return Response.created(UriBuilder.fromPath("/api/v1/orgs/{org}/projects/{p}/webhooks/{id}")
                .build(org, project, created.id())).entity(created).build();
    }

    @GET
    public Page<WebhookView> list(@PathParam("org") String org, @PathParam("project") String project,
                                  @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return webhooks.list(caller.get(), org, project, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public WebhookView get(@PathParam("org") String org, @PathParam("project") String project,
                           @PathParam("id") String id) {
        return webhooks.get(caller.get(), org, project, id);
    }

    @PATCH
    @Path("/{id}")
    public WebhookView update(@PathParam("org") String org, @PathParam("project") String project,
                              @PathParam("id") String id,
                              @Valid @NotNull(message = "a JSON body is required") WebhookChanges body) {
        return webhooks.update(caller.get(), org, project, id, body);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("org") String org, @PathParam("project") String project,
                           @PathParam("id") String id) {
        webhooks.delete(caller.get(), org, project, id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    public WebhookView rotateSecret(@PathParam("org") String org, @PathParam("project") String project,
                                    @PathParam("id") String id) {
        return webhooks.rotateSecret(caller.get(), org, project, id);
    }

    @GET
    @Path("/{id}/deliveries")
    public Page<DeliveryView> deliveries(@PathParam("org") String org, @PathParam("project") String project,
                                         @PathParam("id") String id, @QueryParam("limit") Integer limit,
                                         @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(caller.get(), org, project, id, PageRequest.of(limit, cursor));
    }
}
