package io.slipway.lineage;

import io.slipway.api.ApiCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/orgs/{org}/projects/{project}/lineage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LineageResource {

    private final LineageService lineage;
    private final ApiCaller caller;

    @Inject
    public LineageResource(LineageService lineage, ApiCaller caller) {
        this.lineage = lineage;
        this.caller = caller;
    }

    protected LineageResource() {
        this(null, null);
    }

    /** {@code ?node=model-version:fraud:3&depth=3}: nodes and edges around a node, both ways. */
    @GET
    public LineageGraph graph(@PathParam("org") String org, @PathParam("project") String project,
                              @QueryParam("node") String node, @QueryParam("depth") Integer depth) {
        return lineage.graph(caller.get(), org, project, node, depth);
    }
}
