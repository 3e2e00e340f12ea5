package io.slipway.audit.trail;

import io.slipway.api.ApiCaller;
import io.slipway.api.PageRequest;
import io.slipway.audit.ChainRangeVerification;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The platform's own audit trail (platform admins): garbage collection runs and other platform actions. */
@Path("/platform/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformAuditResource {

    private final PlatformAuditService trail;
    private final ApiCaller caller;

    @Inject
    public PlatformAuditResource(PlatformAuditService trail, ApiCaller caller) {
        this.trail = trail;
        this.caller = caller;
    }

    protected PlatformAuditResource() {
        this(null, null);
    }

    /** Platform audit events, newest first, with the verdict on the chain's tail. */
    @GET
    public AuditPage page(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return trail.page(caller.get(), PageRequest.of(limit, cursor));
    }

    /** One page of the full verification of the platform's chain; as for an organization's. */
    @GET
    @Path("/verification")
    public ChainRangeVerification verification(@QueryParam("from") String from, @QueryParam("limit") String limit) {
        return trail.verify(caller.get(), AuditResource.number("from", from), AuditResource.number("limit", limit));
    }
}
