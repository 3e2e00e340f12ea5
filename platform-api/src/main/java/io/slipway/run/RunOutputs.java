package io.slipway.run;

import io.slipway.api.Json;
import io.slipway.api.ProblemException;
import io.slipway.artifact.ArtifactLimits;
import io.slipway.artifact.UploadBody;
import io.slipway.auth.Actor;
import io.slipway.auth.Caller;
import io.slipway.lineage.LineageEdge;
import io.slipway.lineage.LineageRepository;
import io.slipway.lineage.NodeKey;
import io.slipway.project.Project;
import io.slipway.project.ProjectRepository;
import io.slipway.registry.ModelUploads;
import io.slipway.registry.ModelVersionView;
import io.slipway.registry.ModelVersions;
import io.slipway.registry.NewModelVersion;
import io.slipway.storage.ArtifactTooLargeException;
import io.slipway.storage.ObjectStore;
import io.slipway.storage.StoredArtifact;
import io.slipway.storage.UploadInterruptedException;
import io.slipway.tenancy.Organization;
import io.slipway.tenancy.OrganizationRepository;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A succeeded run's declared outputs become model versions: uploaded as the run's starter (who may then not
 * approve them: four eyes), with the run's params, its final metrics, its inputs as training data and the run
 * itself as their source in the lineage. A run hands an output over by writing it in {@code SLIPWAY_OUTPUT_DIR}
 * (local runs) or by uploading it with its token to {@code SLIPWAY_OUTPUTS_URL/<path>} (any run; the only way for
 * a cluster's run), kept at {@code runs/<id>/outputs/<path>} until the run ends. A declared output the run did not
 * hand over fails the run.
 */
@ApplicationScoped
public class RunOutputs {

    static final String PRODUCED = "produced";

    private final Tenancy tenancy;
    private final RunRepository runs;
    private final ProjectRepository projects;
    private final OrganizationRepository organizations;
    private final ModelUploads uploads;
    private final LineageRepository lineage;
    private final ModelVersions modelVersions;
    private final ObjectStore store;
    private final ArtifactLimits limits;

    @Inject
    public RunOutputs(Tenancy tenancy, RunRepository runs, ProjectRepository projects,
                      OrganizationRepository organizations, ModelUploads uploads, LineageRepository lineage,
                      ModelVersions modelVersions, ObjectStore store, ArtifactLimits limits) {
        this.modelVersions = modelVersions;
        this.store = store;
        this.limits = limits;
        this.tenancy = tenancy;
        this.runs = runs;
        this.projects = projects;
        this.organizations = organizations;
        this.uploads = uploads;
        this.lineage = lineage;
    }

    protected RunOutputs() {
        this(null, null, null, null, null, null, null, null, null);
    }

    /** Where a run uploads its outputs with its token: {@code PUT <this>/<path>}. */
    static String uploadsUrl(String slipwayUrl, UUID runId) {
        return slipwayUrl + "/run-api/v1/runs/" + runId + "/outputs";
    }

    /** Where the run's uploaded output {@code path} is kept until the run ends. */
    static String uploadKey(UUID runId, String path) {
        return "runs/" + runId + "/outputs/" + path;
    }

    /**
     * Keeps an output the running run uploads (streamed, up to the organization's artifact limit), replacing an
     * earlier upload of it; {@code path} must be one of the run's declared outputs.
     */
    public OutputReceived receive(Actor.Run actor, String path, InputStream body) {
        Run run = tenancy.asPlatform(() -> runs.findById(actor.runId())).orElseThrow(() ->
                ProblemException.notFound("Run '" + actor.runId() + "' not found."));
        RunSpec spec = Json.read(run.spec(), RunSpec.class);
        List<String> declared = spec.outputs() == null ? List.of()
                : spec.outputs().stream().map(NewRun.Output::path).toList();
        if (!declared.contains(path)) {
            throw ProblemException.notFound("'" + path + "' is not a declared output of this run"
                    + (declared.isEmpty() ? " (it declares none)." : "; it declares " + String.join(", ", declared)
                    + "."));
        }
        String bucket = store.bucketFor(run.orgId());
        String orgSlug = tenancy.asPlatform(() -> organizations.findById(run.orgId())).orElseThrow().slug();
        try {
            StoredArtifact stored = store.writeStream(bucket, uploadKey(run.id(), path), body, limits.maxBytes(orgSlug));
            return new OutputReceived(path, stored.size(), stored.sha256());
        } catch (ArtifactTooLargeException tooLarge) {
            throw ProblemException.payloadTooLarge("An output is at most " + limits.maxBytes(orgSlug) + " bytes.");
        } catch (UploadInterruptedException cut) {
            throw ProblemException.badRequest("upload-interrupted", "The body ended before it was complete: nothing"
                    + " was kept.");
        }
    }

    /** What was kept of an uploaded output. */
    public record OutputReceived(String path, long bytes, String sha256) {
    }

    /** Removes what the run uploaded: its outputs are model versions now, or it did not succeed. */
    void discardUploads(UUID orgId, UUID runId) {
        String bucket = store.bucketFor(orgId);
        List<String> keys;
        try (var uploaded = store.list(bucket, "runs/" + runId + "/outputs/")) {
            keys = uploaded.map(io.slipway.storage.ObjectInfo::key).toList();
        } catch (RuntimeException noBucketYet) {
            return;
        }
        keys.forEach(key -> store.delete(bucket, key));
    }

    /** A cluster's run's outputs: what it uploaded. */
    OutputFiles uploaded(UUID orgId, UUID runId) {
        String bucket = store.bucketFor(orgId);
        return path -> store.stat(bucket, uploadKey(runId, path)).map(info -> body(
                store.open(bucket, info.key()), info.size(), path));
    }

    /** A local run's outputs: written in its output directory, else uploaded. */
    OutputFiles writtenOrUploaded(UUID orgId, UUID runId, Path outputDir) {
        OutputFiles uploads = uploaded(orgId, runId);
        return path -> {
            Path file = outputDir.resolve(path);
            if (Files.isRegularFile(file)) {
                return Optional.of(body(Files.newInputStream(file), Files.size(file), path));
            }
            return uploads.open(path);
        };
    }

    private static UploadBody body(InputStream content, long size, String path) {
        return new UploadBody(content, size, "application/octet-stream",
                Optional.of(path.substring(path.lastIndexOf('/') + 1)), Optional.empty());
    }

    /** Where a run's declared outputs are read from once it succeeded. */
    @FunctionalInterface
    interface OutputFiles {
        /** The output's bytes, or empty when the run did not hand it over. */
        Optional<UploadBody> open(String path) throws IOException;
    }

    LocalRuns.Outcome register(UUID orgId, UUID runId, OutputFiles files, RunLog log) {
        Declared declared = tenancy.asSystemIn(orgId, () -> {
            Run run = runs.findById(runId).orElseThrow();
            RunSpec spec = Json.read(run.spec(), RunSpec.class);
            Map<String, Double> metrics = new java.util.TreeMap<>();
            runs.metrics(runId).forEach(point -> metrics.put(point.name(), point.value()));
            Organization org = organizations.findById(orgId).orElseThrow();
            Project project = projects.findById(run.projectId()).orElseThrow();
            return new Declared(run, spec, metrics, org.slug(), project);
        });
        List<NewRun.Output> outputs = declared.spec().outputs() == null ? List.of() : declared.spec().outputs();
        Map<String, UploadBody> bodies = new java.util.LinkedHashMap<>();
        try {
            for (NewRun.Output output : outputs) {
                Optional<UploadBody> body = files.open(output.path());
                if (body.isEmpty()) {
                    return new LocalRuns.Outcome(RunState.FAILED, "the run exited 0 but did not hand over its"
                            + " declared output '" + output.path() + "' (written in SLIPWAY_OUTPUT_DIR by a local"
                            + " run, or uploaded with PUT $SLIPWAY_OUTPUTS_URL/" + output.path() + ")", List.of());
                }
                bodies.put(output.path(), body.get());
            }
            return registerAll(orgId, runId, declared, outputs, bodies, log);
        } catch (IOException e) {
            return new LocalRuns.Outcome(RunState.FAILED, "the run's outputs could not be read: " + e.getMessage(),
                    List.of());
        } finally {
            bodies.values().forEach(RunOutputs::closeQuietly);
        }
    }

    private LocalRuns.Outcome registerAll(UUID orgId, UUID runId, Declared declared, List<NewRun.Output> outputs,
                                          Map<String, UploadBody> bodies, RunLog log) {
        Caller starter = new Caller(declared.run().createdBy(), declared.run().createdByName(), Set.of());
        List<String> models = new ArrayList<>();
        for (NewRun.Output output : outputs) {
            try {
                NewModelVersion metadata = new NewModelVersion("Output " + output.path() + " of run "
                        + declared.run().number(), null, null, declared.spec().params(), declared.metrics(), null,
                        declared.spec().inputs(), runId, null);
                ModelVersionView version = uploads.upload(starter, declared.orgSlug(), declared.project().slug(),
                        output.model(), metadata, bodies.get(output.path()));
                models.add(output.model() + ":" + version.version());
                tenancy.asSystemIn(orgId, () -> {
                    UUID versionId = modelVersions.find(declared.project().id(), output.model(), version.version())
                            .orElseThrow();
                    lineage.store(new LineageEdge(declared.project().id(), new NodeKey(RunService.KIND, runId),
                            new NodeKey(ModelVersions.KIND, versionId), PRODUCED, RunService.now()));
                    return null;
                });
                log.note("output " + output.path() + " is now version " + version.version() + " of model '"
                        + output.model() + "'");
            } catch (ProblemException refused) {
                return new LocalRuns.Outcome(RunState.FAILED, "output '" + output.path() + "' was refused by the"
                        + " model registry: " + refused.getMessage(), models);
            }
        }
        return new LocalRuns.Outcome(RunState.SUCCEEDED, null, models);
    }

    private static void closeQuietly(UploadBody body) {
        try {
            body.content().close();
        } catch (IOException ignored) {
            // read to the end or abandoned: nothing more to release
        }
    }

    private record Declared(Run run, RunSpec spec, Map<String, Double> metrics, String orgSlug, Project project) {
    }
}
