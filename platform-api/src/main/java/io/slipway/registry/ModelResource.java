package io.slipway.registry;

import io.slipway.api.ApiCaller;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.StreamedBody;
import io.slipway.artifact.ContentResponses;
import io.slipway.artifact.UploadRequests;
import io.slipway.auth.Caller;
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
import java.util.Optional;

@Path("/orgs/{org}/projects/{project}/models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelService models;
    private final ModelUploads uploads;
    private final ContentResponses content;
    private final ApiCaller caller;

    @Inject
    public ModelResource(ModelService models, ModelUploads uploads, ContentResponses content, ApiCaller caller) {
        this.models = models;
        this.uploads = uploads;
        this.content = content;
        this.caller = caller;
    }

    protected ModelResource() {
        this(null, null, null, null);
    }

    @GET
    public Page<ModelSummary> list(@PathParam("org") String org, @PathParam("project") String project,
                                   @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return models.list(caller.get(), org, project, PageRequest.of(limit, cursor));
    }

    /**
     * Uploads a new version: {@code multipart/form-data} with a {@code metadata} part (JSON, see
     * {@link NewModelVersion}) and a {@code file} part; or the raw file as the body with {@code ?fileName=},
     * {@code ?format=}, {@code ?framework=}, {@code ?description=}. Either may declare the file's SHA-256 with
     * {@code ?sha256=}: a file with another digest is refused, and the file is stored without a server-side copy.
     */
    @POST
    @Path("/{name}/versions")
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    public Response upload(@PathParam("org") String org, @PathParam("project") String project,
                           @PathParam("name") String name, @QueryParam("fileName") String fileName,
                           @QueryParam("format") String format, @QueryParam("framework") String framework,
                           @QueryParam("description") String description, @QueryParam("sha256") String sha256,
                           @Context HttpServletRequest request) {
        Caller who = caller.get();
        ModelVersionView created = UploadRequests.read(request, NewModelVersion.class,
                NewModelVersion.fromQuery(description, format, framework), Optional.ofNullable(fileName), sha256,
                (metadata, body) -> uploads.upload(who, org, project, name, metadata, body));
        return Response.created(UriBuilder.fromPath("/api/v1/orgs/{org}/projects/{p}/models/{m}/versions/{n}")
                .build(org, project, name, created.version())).entity(created).build();
    }

    /** The model: which version holds each stage, and its versions (newest first, paged). */
    @GET
    @Path("/{name}")
    public ModelView get(@PathParam("org") String org, @PathParam("project") String project,
                         @PathParam("name") String name, @QueryParam("limit") Integer limit,
                         @QueryParam("cursor") String cursor) {
        return models.get(caller.get(), org, project, name, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{name}/versions/{version: [0-9]{1,9}}")
    public ModelVersionView version(@PathParam("org") String org, @PathParam("project") String project,
                                    @PathParam("name") String name, @PathParam("version") int version) {
        return models.version(caller.get(), org, project, name, version);
    }

    /** The version's file, or with {@code ?presign=true} a URL valid for five minutes. */
    @GET
    @Path("/{name}/versions/{version: [0-9]{1,9}}/content")
    @Produces({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    public Response content(@PathParam("org") String org, @PathParam("project") String project,
                            @PathParam("name") String name, @PathParam("version") int version,
                            @QueryParam("presign") boolean presign) {
        return content.download(models.content(caller.get(), org, project, name, version), presign);
    }
}
