package io.slipway.registry;

import io.slipway.api.Json;
import io.slipway.api.ProblemException;
import io.slipway.api.Slug;
import io.slipway.artifact.ArtifactRegistry;
import io.slipway.artifact.ArtifactUploads;
import io.slipway.artifact.ContentCheck;
import io.slipway.artifact.ReceivedArtifact;
import io.slipway.artifact.UploadBody;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.dataset.DatasetVersions.DatasetVersionRef;
import io.slipway.outbox.Outbox;
import io.slipway.outbox.VersionRegistered;
import io.slipway.project.ProjectAccess;
import io.slipway.project.ProjectContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Uploading a model version. Access and metadata (including the training data it names) are checked before a
 * byte is read; ONNX files must load in ONNX Runtime; the version is registered only after its bytes are
 * stored, and a failed upload registers nothing.
 */
@ApplicationScoped
public class ModelUploads {

    private final ProjectAccess access;
    private final ArtifactUploads uploads;
    private final ArtifactRegistry artifacts;
    private final ModelRepository models;
    private final TrainingData trainingData;
    private final UploadValidation validation;
    private final AuditLog audit;
    private final Outbox outbox;
    private final RunReferences runs;

    @Inject
    public ModelUploads(ProjectAccess access, ArtifactUploads uploads, ArtifactRegistry artifacts,
                        ModelRepository models, TrainingData trainingData, UploadValidation validation,
                        AuditLog audit, Outbox outbox, RunReferences runs) {
        this.runs = runs;
        this.access = access;
        this.uploads = uploads;
        this.artifacts = artifacts;
        this.models = models;
        this.trainingData = trainingData;
        this.validation = validation;
        this.audit = audit;
        this.outbox = outbox;
    }

    protected ModelUploads() {
        this(null, null, null, null, null, null, null, null, null);
    }

    public ModelVersionView upload(Caller caller, String orgSlug, String projectSlug, String name,
                                   NewModelVersion metadata, UploadBody body) {
        if (!Slug.isValid(name)) {
            throw ProblemException.invalidField("name", Slug.MESSAGE);
        }
        validation.requireValid(metadata);
        ModelFormat format = Optional.ofNullable(metadata.format()).flatMap(ModelFormat::fromLabel)
                .orElseGet(() -> ModelFormat.fromFileName(body.safeFileName()));
        ProjectContext project = access.inProject(caller, orgSlug, projectSlug, Operation.MODEL_UPLOAD, context -> {
            trainingData.resolve(context, metadata.datasets());
            if (metadata.run() != null && !runs.exists(context.project().id(), metadata.run())) {
                throw ProblemException.unprocessable("unknown-run", "Run " + metadata.run()
                        + " does not exist in this project.");
            }
            return context;
        });
        OnnxCheck onnx = format == ModelFormat.ONNX ? validation.onnxCheck(body.safeFileName().orElse(name + ".onnx")) : null;
        ReceivedArtifact received;
        // closed here too: an upload refused before its body is read (too large, say) must not keep the copy
        try (ContentCheck check = onnx != null ? onnx : ContentCheck.NONE) {
            received = uploads.receive(project.orgId(), orgSlug, body, check);
        }
        String signature = onnx == null ? null : Json.write(SignatureView.of(onnx.signature()));
        return access.inProject(caller, orgSlug, projectSlug, Operation.MODEL_UPLOAD, context -> {
            artifacts.register(context.orgId(), received, caller);
            List<DatasetVersionRef> trainedOn = trainingData.resolve(context, metadata.datasets());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Model model = models.findByName(context.project().id(), name).orElseGet(() -> {
                Model created = new Model(context.project().id(), name, now, caller.userId());
                models.store(created);
                return created;
            });
            // dedup stays silent: "reused" only for bytes this model already shows, never for another project's
            boolean reused = models.holdsContent(model.id(), received.sha256());
            ModelVersion version = new ModelVersion(model.id(), model.nextVersion(), received,
                    body.safeFileName().orElse(null), format, signature, columns(metadata), now,
                    caller.userId(), caller.username());
            models.store(version);
            trainingData.record(context.project().id(), trainedOn, version.id(), now);
            List<String> datasets = trainedOn.stream().map(DatasetVersionRef::reference).sorted().toList();
            audit.record(context.orgId(), caller, context.auditEntry("model-version.created", "model-version",
                    name + "/" + version.number(), null,
                    ModelVersionView.of(name, version, Stage.DEVELOPMENT, datasets, null)));
            outbox.publish(VersionRegistered.model(context.project().id(), new VersionRegistered(context.orgSlug(),
                    context.project().slug(), name, version.number(), version.artifactSha256(), caller.username())));
            return ModelVersionView.of(name, version, Stage.DEVELOPMENT, datasets, reused);
        });
    }

    private static ModelVersion.VersionMetadata columns(NewModelVersion m) {
        return new ModelVersion.VersionMetadata(m.description(), m.framework(), json(m.params()), json(m.metrics()),
                json(m.tags()), m.source() == null ? null : m.source().repository(),
                m.source() == null ? null : m.source().commit(), m.run());
    }

    private static String json(Object value) {
        return value == null ? null : Json.write(value);
    }
}
