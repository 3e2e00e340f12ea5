package io.slipway.dataset;

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

@Path("/orgs/{org}/projects/{project}/datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private final DatasetService datasets;
    private final ContentResponses content;
    private final ApiCaller caller;

    @Inject
    public DatasetResource(DatasetService datasets, ContentResponses content, ApiCaller caller) {
        this.datasets = datasets;
        this.content = content;
        this.caller = caller;
    }

    protected DatasetResource() {
        this(null, null, null);
    }

    @GET
    public Page<DatasetSummary> list(@PathParam("org") String org, @PathParam("project") String project,
                                     @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return datasets.list(caller.get(), org, project, PageRequest.of(limit, cursor));
    }

    /**
     * Uploads a new version: the raw body is the file (any Content-Type; {@code ?fileName=} and
     * {@code ?description=} as metadata), or {@code multipart/form-data} with an optional {@code metadata}
     * part ({@code {"description": ...}}) and a {@code file} part. Either may declare the file's SHA-256 with
     * {@code ?sha256=}: a file with another digest is refused, and the file is stored without a server-side copy.
     */
    @POST
    @Path("/{name}/versions")
    @Consumes(MediaType.WILDCARD)
    @StreamedBody
    public Response upload(@PathParam("org") String org, @PathParam("project") String project,
                           @PathParam("name") String name, @QueryParam("fileName") String fileName,
                           @QueryParam("description") String description, @QueryParam("sha256") String sha256,
                           @Context HttpServletRequest request) {
        Caller who = caller.get();
        DatasetVersionView created = UploadRequests.read(request, DatasetUploadMetadata.class,
                new DatasetUploadMetadata(description), Optional.ofNullable(fileName), sha256,
                (metadata, body) -> datasets.upload(who, org, project, name,
                        Optional.ofNullable(metadata.description()), body));
        return Response.created(UriBuilder.fromPath("/api/v1/orgs/{org}/projects/{p}/datasets/{d}/versions/{n}")
                .build(org, project, name, created.version())).entity(created).build();
    }

    @GET
    @Path("/{name}")
    public DatasetView get(@PathParam("org") String org, @PathParam("project") String project,
                           @PathParam("name") String name, @QueryParam("limit") Integer limit,
                           @QueryParam("cursor") String cursor) {
        return datasets.get(caller.get(), org, project, name, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{name}/versions/{version: [0-9]{1,9}}")
    public DatasetVersionView version(@PathParam("org") String org, @PathParam("project") String project,
                                      @PathParam("name") String name, @PathParam("version") int version) {
        return datasets.version(caller.get(), org, project, name, version);
    }

    /** The version's bytes, or with {@code ?presign=true} a URL valid for five minutes. */
    @GET
    @Path("/{name}/versions/{version: [0-9]{1,9}}/content")
    @Produces({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    public Response content(@PathParam("org") String org, @PathParam("project") String project,
                            @PathParam("name") String name, @PathParam("version") int version,
                            @QueryParam("presign") boolean presign) {
        return content.download(datasets.content(caller.get(), org, project, name, version), presign);
    }
}
