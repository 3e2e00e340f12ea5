package io.slipway.artifact;

import io.slipway.api.PageRequest;
import io.slipway.storage.ObjectInfo;
import io.slipway.storage.ObjectStore;
import io.slipway.tenancy.Organization;
import io.slipway.tenancy.OrganizationRepository;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Garbage collection of object storage: in every organization's bucket it removes temporary uploads and
 * incomplete multipart uploads, and content objects that no artifact row names (left by an upload whose
 * registration failed) — each only once older than the grace period, so work in flight is never touched.
 * Each organization is examined inside its own tenant scope.
 */
@ApplicationScoped
public class ArtifactCollector {

    private static final Logger LOG = Logger.getLogger(ArtifactCollector.class.getName());
    private static final int BATCH = 500;

    private final ObjectStore store;
    private final Tenancy tenancy;
    private final OrganizationRepository organizations;
    private final ArtifactRepository artifacts;

    @Inject
    public ArtifactCollector(ObjectStore store, Tenancy tenancy, OrganizationRepository organizations,
                             ArtifactRepository artifacts) {
        this.store = store;
        this.tenancy = tenancy;
        this.organizations = organizations;
        this.artifacts = artifacts;
    }

    protected ArtifactCollector() {
        this(null, null, null, null);
    }

    /** What one collection removed. */
    public record Report(int organizations, int temporaryObjects, int incompleteUploads, int orphanedObjects) {

        Report plus(Report other) {
            return new Report(organizations + other.organizations, temporaryObjects + other.temporaryObjects,
                    incompleteUploads + other.incompleteUploads, orphanedObjects + other.orphanedObjects);
        }
    }

    public Report collect(Duration grace) {
        Instant cutoff = Instant.now().minus(grace);
        Set<String> buckets = Set.copyOf(store.buckets());
        Report total = new Report(0, 0, 0, 0);
        Optional<String> after = Optional.empty();
        while (true) {
            Optional<String> from = after;
            List<Organization> page = tenancy.asPlatform(() -> organizations.page(from, PageRequest.MAX_LIMIT));
            for (Organization organization : page) {
                String bucket = store.bucketFor(organization.id());
                if (buckets.contains(bucket)) {
                    total = total.plus(collect(organization, bucket, cutoff));
                }
            }
            if (page.size() < PageRequest.MAX_LIMIT) {
                break;
            }
            after = Optional.of(page.getLast().slug());
        }
        Report report = total;
        LOG.info(() -> "Artifact collection: " + report);
        return report;
    }

    private Report collect(Organization organization, String bucket, Instant cutoff) {
        int temporary = store.deleteStaleStaged(bucket, cutoff);
        int incomplete = store.abortStaleUploads(bucket, cutoff);
        int orphaned = 0;
        List<ObjectInfo> batch = new ArrayList<>();
        try (Stream<ObjectInfo> contents = store.listContent(bucket)) {
            for (Iterator<ObjectInfo> it = contents.iterator(); it.hasNext(); ) {
                ObjectInfo content = it.next();
                if (content.lastModified().isBefore(cutoff)) {
                    batch.add(content);
                }
                if (batch.size() == BATCH) {
                    orphaned += deleteUnregistered(organization, bucket, batch);
                    batch.clear();
                }
            }
        }
        orphaned += deleteUnregistered(organization, bucket, batch);
        return new Report(1, temporary, incomplete, orphaned);
    }

    /**
     * Deletes the candidates no artifact row names, holding the organization's lock (the one registrations take)
     * from the lookup to the last delete, so no upload can register one of them in between; see
     * {@link ArtifactRegistry}. Registrations in the organization wait for at most one batch of deletes.
     */
    private int deleteUnregistered(Organization organization, String bucket, List<ObjectInfo> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        List<String> hashes = candidates.stream().map(ArtifactCollector::digestOf).toList();
        return tenancy.asSystemIn(organization.id(), () -> {
            organizations.lock(organization.id());
            Set<String> registered = artifacts.registered(hashes);
            int deleted = 0;
            for (ObjectInfo candidate : candidates) {
                if (!registered.contains(digestOf(candidate))) {
                    store.delete(bucket, candidate.key());
                    deleted++;
                }
            }
            return deleted;
        });
    }

    private static String digestOf(ObjectInfo content) {
        return ObjectStore.contentDigest(content.key()).orElseThrow();
    }
}
