package io.slipway.deployment;

import io.slipway.api.ApiCaller;
import io.slipway.api.ProblemException;
import io.slipway.api.StreamedBody;
import io.slipway.serving.TensorSpec;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The Open Inference Protocol (KServe V2) REST data plane of one project: server metadata, health, model metadata
 * and readiness, and {@code infer}, with a deployment as the model name and the Slipway version number as the
 * model version. Errors are problems that also carry the protocol's {@code error} member.
 */
@Path("/orgs/{org}/projects/{project}/serving/v2")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ServingResource {

    /** The protocol's name for models served by ONNX Runtime. */
    static final String PLATFORM = "onnxruntime_onnx";
    static final String EXTENSION_BINARY = "binary_tensor_data";

    private final InferenceService inference;
    private final InferenceCalls calls;
    private final ApiCaller caller;

    @Inject
    public ServingResource(InferenceService inference, InferenceCalls calls, ApiCaller caller) {
        this.inference = inference;
        this.calls = calls;
        this.caller = caller;
    }

    protected ServingResource() {
        this(null, null, null);
    }

    /** The protocol's server metadata. */
    public record ServerMetadata(String name, String version, List<String> extensions) {
    }

    /** The protocol's model metadata. */
    public record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
                                List<TensorMetadata> outputs) {
    }

    /** An input or output as the protocol describes it; {@code -1} for a dynamic dimension. */
    public record TensorMetadata(String name, String datatype, List<Long> shape) {
    }

    @GET
    public ServerMetadata server(@PathParam("org") String org, @PathParam("project") String project) {
        inference.requireServingAccess(caller.get(), org, project);
        return new ServerMetadata("slipway", serverVersion(), List.of(EXTENSION_BINARY));
    }

    @GET
    @Path("/health/live")
    public Map<String, Boolean> live(@PathParam("org") String org, @PathParam("project") String project) {
        inference.requireServingAccess(caller.get(), org, project);
        return Map.of("live", true);
    }

    @GET
    @Path("/health/ready")
    public Map<String, Boolean> ready(@PathParam("org") String org, @PathParam("project") String project) {
        inference.requireServingAccess(caller.get(), org, project);
        return Map.of("ready", true);
    }

    @GET
    @Path("/models/{deployment}")
    public ModelMetadata model(@PathParam("org") String org, @PathParam("project") String project,
                               @PathParam("deployment") String deployment) {
        return metadata(org, project, deployment, OptionalInt.empty());
    }

    @GET
    @Path("/models/{deployment}/versions/{version}")
    public ModelMetadata modelVersion(@PathParam("org") String org, @PathParam("project") String project,
                                      @PathParam("deployment") String deployment, @PathParam("version") String version) {
        return metadata(org, project, deployment, version(version));
    }

    @GET
    @Path("/models/{deployment}/ready")
    public Map<String, Object> modelReady(@PathParam("org") String org, @PathParam("project") String project,
                                          @PathParam("deployment") String deployment) {
        return readiness(org, project, deployment, OptionalInt.empty());
    }

    @GET
    @Path("/models/{deployment}/versions/{version}/ready")
    public Map<String, Object> modelVersionReady(@PathParam("org") String org, @PathParam("project") String project,
                                                 @PathParam("deployment") String deployment,
                                                 @PathParam("version") String version) {
        return readiness(org, project, deployment, version(version));
    }

    @POST
    @Path("/models/{deployment}/infer")
    @StreamedBody
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public Response infer(@PathParam("org") String org, @PathParam("project") String project,
                          @PathParam("deployment") String deployment, @Context HttpServletRequest request,
                          InputStream body) {
        return calls.infer(caller.get(), org, project, deployment, OptionalInt.empty(), request, body);
    }

    @POST
    @Path("/models/{deployment}/versions/{version}/infer")
    @StreamedBody
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public Response inferVersion(@PathParam("org") String org, @PathParam("project") String project,
                                 @PathParam("deployment") String deployment, @PathParam("version") String version,
                                 @Context HttpServletRequest request, InputStream body) {
        return calls.infer(caller.get(), org, project, deployment, version(version), request, body);
    }

    private ModelMetadata metadata(String org, String project, String deployment, OptionalInt version) {
        InferenceService.Target target = inference.readable(caller.get(), org, project, deployment);
        InferenceService.Metadata metadata = inference.metadata(target, version);
        return new ModelMetadata(metadata.name(), metadata.versions().stream().map(String::valueOf).toList(), PLATFORM,
                metadata.signature().inputs().stream().map(ServingResource::tensor).toList(),
                metadata.signature().outputs().stream().map(ServingResource::tensor).toList());
    }

    private Map<String, Object> readiness(String org, String project, String deployment, OptionalInt version) {
        InferenceService.Target target = inference.readable(caller.get(), org, project, deployment);
        if (!inference.ready(target, version)) {
            throw ProblemException.unavailable("deployment-not-ready", "Deployment '" + deployment + "' is not ready"
                    + (version.isPresent() ? " with version " + version.getAsInt() : "") + ".", Duration.ofSeconds(1));
        }
        return Map.of("name", target.name(), "ready", true);
    }

    private static TensorMetadata tensor(TensorSpec spec) {
        return new TensorMetadata(spec.name(), spec.protocolDatatype(), spec.shape());
    }

    private static OptionalInt version(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number > 0) {
                return OptionalInt.of(number);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.notFound("No model version '" + version + "': versions are numbered 1, 2, 3, ...");
    }

    private static String serverVersion() {
        String version = ServingResource.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
