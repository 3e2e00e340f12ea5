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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;

/** Promotion requests and decisions of one project. */
@Path("/orgs/{org}/projects/{project}/promotions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PromotionResource {

    private final PromotionService promotions;
    private final ApiCaller caller;

    @Inject
    public PromotionResource(PromotionService promotions, ApiCaller caller) {
        this.promotions = promotions;
        this.caller = caller;
    }

    protected PromotionResource() {
        this(null, null);
    }

    @POST
    public Response request(@PathParam("org") String org, @PathParam("project") String project,
                            @Valid @NotNull(message = "a JSON body is required") NewPromotion body) {
        PromotionView created = promotions.request(caller.get(), org, project, body);
        return Response.created(UriBuilder.fromPath("/api/v1/orgs/{org}/projects/{project}/promotions/{id}")
                .build(org, project, created.id())).entity(created).build();
    }

    @GET
    public Page<PromotionView> list(@PathParam("org") String org, @PathParam("project") String project,
                                    @QueryParam("state") String state, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return promotions.list(caller.get(), org, project, Optional.ofNullable(state), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public PromotionView get(@PathParam("org") String org, @PathParam("project") String project,
                             @PathParam("id") String id) {
        return promotions.get(caller.get(), org, project, id);
    }

    @POST
    @Path("/{id}/approve")
    public PromotionView approve(@PathParam("org") String org, @PathParam("project") String project,
                                 @PathParam("id") String id, @Valid DecisionInput body) {
        return promotions.approve(caller.get(), org, project, id, body == null ? new DecisionInput(null, null) : body);
    }

    @POST
    @Path("/{id}/reject")
    public PromotionView reject(@PathParam("org") String org, @PathParam("project") String project,
                                @PathParam("id") String id, @Valid DecisionInput body) {
        return promotions.reject(caller.get(), org, project, id, body == null ? new DecisionInput(null, null) : body);
    }
}
