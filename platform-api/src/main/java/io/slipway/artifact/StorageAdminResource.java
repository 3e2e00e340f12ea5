package io.slipway.artifact;

import io.slipway.api.ApiCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Optional;

/** Platform operations on object storage (platform admins). */
@Path("/platform/storage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorageAdminResource {

    private final ArtifactCollection collection;
    private final ApiCaller caller;

    @Inject
    public StorageAdminResource(ArtifactCollection collection, ApiCaller caller) {
        this.collection = collection;
        this.caller = caller;
    }

    protected StorageAdminResource() {
        this(null, null);
    }

    /**
     * Runs garbage collection now. {@code graceSeconds} (default: the configured grace) protects uploads in
     * flight: only leftovers older than that are removed.
     */
    @POST
    @Path("/collect")
    public ArtifactCollector.Report collect(@QueryParam("graceSeconds") Long graceSeconds) {
        return collection.runNow(caller.get(), Optional.ofNullable(graceSeconds).map(Duration::ofSeconds));
    }
}
