package io.slipway.run;

import io.slipway.api.FieldError;
import io.slipway.api.ProblemException;
import io.slipway.artifact.ArtifactRegistry;
import io.slipway.artifact.ArtifactUploads;
import io.slipway.artifact.ReceivedArtifact;
import io.slipway.artifact.UploadBody;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import io.slipway.project.ProjectContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A project's code bundles: a tar, tar.gz or zip of the code a run starts from, uploaded once (streamed; checked as
 * an archive before it is kept) and named by runs' {@code codeBundle}. The same bytes uploaded again are the same
 * bundle. Uploading needs the role that starts runs; reading, the one that reads them.
 */
@ApplicationScoped
public class CodeBundleService {

    private final ProjectAccess access;
    private final ArtifactUploads uploads;
    private final ArtifactRegistry artifacts;
    private final CodeBundleRepository bundles;
    private final AuditLog audit;
    private final long maxUnpackedBytes;

    /** A bundle just uploaded, and whether these bytes were a bundle of the project already. */
    public record Uploaded(CodeBundleView bundle, boolean existed) {
    }

    @Inject
    public CodeBundleService(ProjectAccess access, ArtifactUploads uploads, ArtifactRegistry artifacts,
                             CodeBundleRepository bundles, AuditLog audit,
                             @ConfigProperty(name = "slipway.runs.code-bundle.max-unpacked-bytes",
                                     defaultValue = "2147483648") long maxUnpackedBytes) {
        this.access = access;
        this.uploads = uploads;
        this.artifacts = artifacts;
        this.bundles = bundles;
        this.audit = audit;
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    protected CodeBundleService() {
        this(null, null, null, null, null, 0);
    }

    public Uploaded upload(Caller caller, String orgSlug, String projectSlug, UploadBody body) {
        ProjectContext project = access.inProject(caller, orgSlug, projectSlug, Operation.RUN_START, c -> c);
        ReceivedArtifact received;
        BundleArchive.Contents contents;
        try (CodeBundleCheck check = new CodeBundleCheck(maxUnpackedBytes)) {
            received = uploads.receive(project.orgId(), orgSlug, body, check);
            contents = check.contents();
        }
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_START, context -> {
            artifacts.register(context.orgId(), received, caller);
            var existing = bundles.findBySha256(context.project().id(), received.sha256());
            if (existing.isPresent()) {
                return new Uploaded(CodeBundleView.of(existing.get()), true);
            }
            CodeBundle bundle = new CodeBundle(context.project().id(), received.sha256(), received.size(),
                    body.safeFileName().orElse(null), contents, Instant.now().truncatedTo(ChronoUnit.MICROS),
                    caller.username());
            bundles.store(bundle);
            CodeBundleView view = CodeBundleView.of(bundle);
            audit.record(context.orgId(), caller, context.auditEntry("code-bundle.uploaded", "code-bundle",
                    bundle.id().toString(), null, view));
            return new Uploaded(view, false);
        });
    }

    public List<CodeBundleView> list(Caller caller, String orgSlug, String projectSlug, int limit) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_READ, context ->
                bundles.newest(context.project().id(), Math.clamp(limit, 1, 200)).stream()
                        .map(CodeBundleView::of).toList());
    }

    public CodeBundleView get(Caller caller, String orgSlug, String projectSlug, UUID id) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.RUN_READ, context ->
                bundles.find(context.project().id(), id).map(CodeBundleView::of).orElseThrow(() ->
                        ProblemException.notFound("Code bundle '" + id + "' not found.")));
    }

    /** The project's bundle a run names, inside the caller's transaction; 422 when there is none. */
    CodeBundle resolve(ProjectContext context, String id) {
        UUID bundleId;
        try {
            bundleId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("codeBundle", "must be a code bundle's id");
        }
        return bundles.find(context.project().id(), bundleId).orElseThrow(() -> new ProblemException(422,
                "unknown-code-bundle", "Unprocessable request", "Code bundle '" + id + "' does not exist in this"
                + " project.", List.of(new FieldError("codeBundle", "no such code bundle in this project"))));
    }

    long maxUnpackedBytes() {
        return maxUnpackedBytes;
    }
}
