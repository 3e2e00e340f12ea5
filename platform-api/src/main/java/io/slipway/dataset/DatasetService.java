package io.slipway.dataset;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.api.Slug;
import io.slipway.artifact.ArtifactRegistry;
import io.slipway.artifact.ArtifactUploads;
import io.slipway.artifact.ContentCheck;
import io.slipway.artifact.ReceivedArtifact;
import io.slipway.artifact.StoredContent;
import io.slipway.artifact.UploadBody;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.outbox.Outbox;
import io.slipway.outbox.VersionRegistered;
import io.slipway.project.ProjectAccess;
import io.slipway.project.ProjectContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Uploading, listing and reading dataset versions. */
@ApplicationScoped
public class DatasetService {

    private final ProjectAccess access;
    private final ArtifactUploads uploads;
    private final ArtifactRegistry artifacts;
    private final DatasetRepository datasets;
    private final AuditLog audit;
    private final Outbox outbox;

    @Inject
    public DatasetService(ProjectAccess access, ArtifactUploads uploads, ArtifactRegistry artifacts,
                          DatasetRepository datasets, AuditLog audit, Outbox outbox) {
        this.access = access;
        this.uploads = uploads;
        this.artifacts = artifacts;
        this.datasets = datasets;
        this.audit = audit;
        this.outbox = outbox;
    }

    protected DatasetService() {
        this(null, null, null, null, null, null);
    }

    /**
     * Stores a new version of the dataset (creating the dataset on its first version). Access is checked
     * before a byte is read; the bytes are stored before the version is registered, and a failed upload
     * registers nothing.
     */
    public DatasetVersionView upload(Caller caller, String orgSlug, String projectSlug, String name,
                                     Optional<String> description, UploadBody body) {
        requireName(name);
        description.filter(d -> d.length() > 2000).ifPresent(d -> {
            throw ProblemException.invalidField("description", "must be at most 2000 characters");
        });
        ProjectContext project = access.inProject(caller, orgSlug, projectSlug, Operation.DATASET_UPLOAD, c -> c);
        boolean csv = CsvProfileCheck.appliesTo(body.mediaType(), body.safeFileName());
        CsvProfileCheck profile = csv ? new CsvProfileCheck() : null;
        ReceivedArtifact received = uploads.receive(project.orgId(), orgSlug, body, csv ? profile : ContentCheck.NONE);
        Optional<CsvProfile> csvProfile = csv ? profile.profile() : Optional.empty();
        return access.inProject(caller, orgSlug, projectSlug, Operation.DATASET_UPLOAD, context -> {
            artifacts.register(context.orgId(), received, caller);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Dataset dataset = datasets.findByName(context.project().id(), name).orElseGet(() -> {
                Dataset created = new Dataset(context.project().id(), name, now, caller.userId());
                datasets.store(created);
                return created;
            });
            // dedup stays silent: "reused" only for bytes this dataset already shows, never for another project's
            boolean reused = datasets.holdsContent(dataset.id(), received.sha256());
            DatasetVersion version = new DatasetVersion(dataset.id(), dataset.nextVersion(), received,
                    body.mediaType(), body.safeFileName().orElse(null), description.orElse(null),
                    csvProfile.map(CsvProfile::rowCount).orElse(null),
                    csvProfile.map(StoredColumns::write).orElse(null), now, caller.userId(),
                    caller.username());
            datasets.store(version);
            audit.record(context.orgId(), caller, context.auditEntry("dataset-version.created", "dataset-version",
                    name + "/" + version.number(), null, DatasetVersionView.of(name, version, null)));
            outbox.publish(VersionRegistered.dataset(context.project().id(), new VersionRegistered(context.orgSlug(),
                    context.project().slug(), name, version.number(), version.artifactSha256(), caller.username())));
            return DatasetVersionView.of(name, version, reused);
        });
    }

    public Page<DatasetSummary> list(Caller caller, String orgSlug, String projectSlug, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DATASET_READ, context ->
                Page.of(datasets.page(context.project().id(), page.after(), page.fetchSize()), page, Dataset::name)
                        .map(DatasetSummary::of));
    }

    public DatasetView get(Caller caller, String orgSlug, String projectSlug, String name, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DATASET_READ, context -> {
            Dataset dataset = find(context, name);
            Optional<Integer> below = page.afterNumber().map(Long::intValue);
            Page<DatasetVersionView> versions = Page.of(
                    datasets.versionsNewestFirst(dataset.id(), below, page.fetchSize()), page,
                    v -> Integer.toString(v.number())).map(v -> DatasetVersionView.of(name, v, null));
            return new DatasetView(dataset.name(), dataset.latestVersion(), dataset.createdAt(), versions);
        });
    }

    public DatasetVersionView version(Caller caller, String orgSlug, String projectSlug, String name, int number) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DATASET_READ, context ->
                DatasetVersionView.of(name, findVersion(context, name, number), null));
    }

    /** Where a version's bytes are, after checking that the caller may read them. */
    public StoredContent content(Caller caller, String orgSlug, String projectSlug, String name, int number) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DATASET_READ, context -> {
            DatasetVersion version = findVersion(context, name, number);
            return new StoredContent(context.orgId(), version.artifactSha256(),
                    version.sizeBytes(), version.mediaType(),
                    Optional.ofNullable(version.fileName()).orElse(name + "-v" + number));
        });
    }

    private Dataset find(ProjectContext context, String name) {
        return datasets.findByName(context.project().id(), name).orElseThrow(() -> ProblemException.notFound(
                "Dataset '" + name + "' not found in project '" + context.project().slug() + "'."));
    }

    private DatasetVersion findVersion(ProjectContext context, String name, int number) {
        Dataset dataset = find(context, name);
        return datasets.findVersion(dataset.id(), number).orElseThrow(() -> ProblemException.notFound(
                "Dataset '" + name + "' has no version " + number + "."));
    }

    private static void requireName(String name) {
        if (!Slug.isValid(name)) {
            throw ProblemException.invalidField("name", Slug.MESSAGE);
        }
    }
}
