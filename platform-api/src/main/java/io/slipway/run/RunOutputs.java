package io.slipway.run;

import io.slipway.api.Json;
import io.slipway.api.ProblemException;
import io.slipway.artifact.UploadBody;
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
 * itself as their source in the lineage. A declared output the run did not write fails the run.
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

    @Inject
    public RunOutputs(Tenancy tenancy, RunRepository runs, ProjectRepository projects,
                      OrganizationRepository organizations, ModelUploads uploads, LineageRepository lineage,
                      ModelVersions modelVersions) {
        this.modelVersions = modelVersions;
        this.tenancy = tenancy;
        this.runs = runs;
        this.projects = projects;
        this.organizations = organizations;
        this.uploads = uploads;
        this.lineage = lineage;
    }

    protected RunOutputs() {
        this(null, null, null, null, null, null, null);
    }

    LocalRuns.Outcome register(UUID orgId, UUID runId, Path outputDir, RunLog log) {
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
        for (NewRun.Output output : outputs) {
            if (!Files.isRegularFile(outputDir.resolve(output.path()))) {
                return new LocalRuns.Outcome(RunState.FAILED, "the run exited 0 but did not write its declared"
                        + " output '" + output.path() + "' in SLIPWAY_OUTPUT_DIR", List.of());
            }
        }
        Caller starter = new Caller(declared.run().createdBy(), declared.run().createdByName(), Set.of());
        List<String> models = new ArrayList<>();
        for (NewRun.Output output : outputs) {
            Path file = outputDir.resolve(output.path());
            try (InputStream content = Files.newInputStream(file)) {
                NewModelVersion metadata = new NewModelVersion("Output " + output.path() + " of run "
                        + declared.run().number(), null, null, declared.spec().params(), declared.metrics(), null,
                        declared.spec().inputs(), runId, null);
                ModelVersionView version = uploads.upload(starter, declared.orgSlug(), declared.project().slug(),
                        output.model(), metadata, new UploadBody(content, Files.size(file),
                                "application/octet-stream", Optional.of(file.getFileName().toString())));
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
            } catch (IOException e) {
                return new LocalRuns.Outcome(RunState.FAILED, "output '" + output.path() + "' could not be read: "
                        + e.getMessage(), models);
            }
        }
        return new LocalRuns.Outcome(RunState.SUCCEEDED, null, models);
    }

    private record Declared(Run run, RunSpec spec, Map<String, Double> metrics, String orgSlug, Project project) {
    }
}
