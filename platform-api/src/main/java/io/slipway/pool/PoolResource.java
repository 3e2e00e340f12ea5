package io.slipway.pool;

import io.slipway.api.ApiCaller;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Compute pools: everyone signed in lists them; platform admins define them. */
@Path("/pools")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PoolResource {

    private final PoolService pools;
    private final ApiCaller caller;

    @Inject
    public PoolResource(PoolService pools, ApiCaller caller) {
        this.pools = pools;
        this.caller = caller;
    }

    protected PoolResource() {
        this(null, null);
    }

    @GET
    public List<PoolView> list() {
        return pools.list(caller.get());
    }

    @GET
    @Path("/{pool}")
    public PoolView get(@PathParam("pool") String pool) {
        return pools.get(caller.get(), pool);
    }

    /** Defines a pool, or redefines the one of that name (platform admins). */
    @POST
    public PoolView define(@Valid @NotNull(message = "a JSON body is required") NewPool body) {
        return pools.define(caller.get(), body);
    }

}
