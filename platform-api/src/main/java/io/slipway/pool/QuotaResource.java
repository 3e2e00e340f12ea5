package io.slipway.pool;

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
import java.util.List;

/** An organization's quotas on the pools, with what it uses of them. */
@Path("/orgs/{org}/quotas")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuotaResource {

    private final PoolService pools;
    private final ApiCaller caller;

    @Inject
    public QuotaResource(PoolService pools, ApiCaller caller) {
        this.pools = pools;
        this.caller = caller;
    }

    protected QuotaResource() {
        this(null, null);
    }

    @GET
    public List<QuotaView> quotas(@PathParam("org") String org) {
        return pools.quotas(caller.get(), org);
    }

    /** Sets the organization's limits on the pool (platform admins). */
    @PUT
    @Path("/{pool}")
    public QuotaView setQuota(@PathParam("org") String org, @PathParam("pool") String pool,
                              @Valid @NotNull(message = "a JSON body is required") QuotaChanges body) {
        return pools.setQuota(caller.get(), org, pool, body);
    }
}
