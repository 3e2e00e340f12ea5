package io.slipway.run;

import io.slipway.api.ApiCaller;
import io.slipway.api.StreamedBody;
import io.slipway.artifact.UploadRequests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's code bundles: {@code POST} a tar, tar.gz or zip as the raw body ({@code ?fileName=}) or as the
 * {@code file} part of {@code multipart/form-data} (201, or 200 when these bytes are a bundle already);
 * {@code GET} the newest, or one by id.
 */
@Path("/orgs/{org}/projects/{project}/code-bundles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CodeBundleResource {

    private final CodeBundleService bundles;
    private final ApiCaller caller;

    @Inject
    public CodeBundleResource(CodeBundleService bundles, ApiCaller caller) {
        this.bundles = bundles;
        this.caller = caller;
    }

    protected CodeBundleResource() {
        this(null, null);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    public Response upload(@PathParam("org") String org, @PathParam("project") String project,
                           @QueryParam("fileName") String fileName, @QueryParam("sha256") String sha256,
                           @Context HttpServletRequest request) {
        var who = caller.get();
        CodeBundleService.Uploaded uploaded = UploadRequests.read(request, Void.class, null,
                Optional.ofNullable(fileName), sha256, (metadata, body) -> bundles.upload(who, org, project, body));
        if (uploaded.existed()) {
            return Response.ok(uploaded.bundle()).build();
        }
        return Response.created(UriBuilder.fromPath("/api/v1/orgs/{org}/projects/{p}/code-bundles/{id}")
                .build(org, project, uploaded.bundle().id())).entity(uploaded.bundle()).build();
    }

    @GET
    public List<CodeBundleView> list(@PathParam("org") String org, @PathParam("project") String project,
                                     @QueryParam("limit") Integer limit) {
        return bundles.list(caller.get(), org, project, limit == null ? 50 : limit);
    }

    @GET
    @Path("/{id: [0-9a-fA-F-]{36}}")
    public CodeBundleView get(@PathParam("org") String org, @PathParam("project") String project,
                              @PathParam("id") UUID id) {
        return bundles.get(caller.get(), org, project, id);
    }
}
