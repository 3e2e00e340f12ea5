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
 * registration failed) — each only once older than the grace period. Whatever the grace (zero included), work in
 * flight is never touched: temporary objects and multipart uploads younger than the organization's oldest upload
 * in flight are kept, and so is content an upload in flight has claimed (see {@link UploadsInFlight}). Each
 * organization is examined inside its own tenant scope.
 */
@ApplicationScoped
public class ArtifactCollector {

    private static final Logger LOG = Logger.getLogger(ArtifactCollector.class.getName());
    private static final int BATCH = 500;
    /** How far the object store's clock (which dates objects) may be behind the server's (which dates uploads). */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final ObjectStore store;
    private final Tenancy tenancy;
    private final OrganizationRepository organizations;
    private final ArtifactRepository artifacts;
    private final UploadsInFlight inFlight;

    @Inject
    public ArtifactCollector(ObjectStore store, Tenancy tenancy, OrganizationRepository organizations,
                             ArtifactRepository artifacts, UploadsInFlight inFlight) {
        this.store = store;
        this.tenancy = tenancy;
        this.organizations = organizations;
        this.artifacts = artifacts;
        this.inFlight = inFlight;
    }

    protected ArtifactCollector() {
        this(null, null, null, null, null);
    }

    /** What one collection removed. */
    public record Report(int organizations, int temporaryObjects, int incompleteUploads, int orphanedObjects) {

        Report plus(Report other) {
            return new Report(organizations + other.organizations, temporaryObjects + other.temporaryObjects,
                    incompleteUploads + other.incompleteUploads, orphanedObjects + other.orphanedObjects);
        }
    }

    /**
     * Collects leftovers older than {@code grace}; marks of uploads in flight older than {@code markLifetime} are
     * taken for leftovers of crashed uploads and dropped.
     */
    public Report collect(Duration grace, Duration markLifetime) {
        Instant now = Instant.now();
        Instant cutoff = now.minus(grace);
        Instant marksExpireBefore = now.minus(markLifetime);
        Set<String> buckets = Set.copyOf(store.buckets());
        Report total = new Report(0, 0, 0, 0);
        Optional<String> after = Optional.empty();
        while (true) {
            Optional<String> from = after;
            List<Organization> page = tenancy.asPlatform(() -> organizations.page(from, PageRequest.MAX_LIMIT));
            for (Organization organization : page) {
                String bucket = store.bucketFor(organization.id());
                if (buckets.contains(bucket)) {
                    total = total.plus(collect(organization, bucket, cutoff, marksExpireBefore));
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

    private Report collect(Organization organization, String bucket, Instant cutoff, Instant marksExpireBefore) {
        // uploads in flight write temporary objects and multipart uploads no earlier than their mark
        Instant horizon = tenancy.asSystemIn(organization.id(),
                        () -> inFlight.oldestLive(organization.id(), marksExpireBefore))
                .map(started -> started.minus(CLOCK_TOLERANCE))
                .filter(kept -> kept.isBefore(cutoff))
                .orElse(cutoff);
        int temporary = store.deleteStaleStaged(bucket, horizon);
        int incomplete = store.abortStaleUploads(bucket, horizon);
        int orphaned = 0;
        List<ObjectInfo> batch = new ArrayList<>();
        try (Stream<ObjectInfo> contents = store.listContent(bucket)) {
            for (Iterator<ObjectInfo> it = contents.iterator(); it.hasNext(); ) {
                ObjectInfo content = it.next();
                if (content.lastModified().isBefore(cutoff)) {
                    batch.add(content);
                }
                if (batch.size() == BATCH) {
                    orphaned += deleteUnregistered(organization, bucket, batch, marksExpireBefore);
                    batch.clear();
                }
            }
        }
        orphaned += deleteUnregistered(organization, bucket, batch, marksExpireBefore);
        return new Report(1, temporary, incomplete, orphaned);
    }

    /**
     * Deletes the candidates that no artifact row names and no upload in flight has claimed, holding the
     * organization's lock (the one registrations and claims take) from the lookup to the last delete, so no upload
     * can register or claim one of them in between; see {@link ArtifactRegistry}. Registrations in the
     * organization wait for at most one batch of deletes.
     */
    private int deleteUnregistered(Organization organization, String bucket, List<ObjectInfo> candidates,
                                   Instant marksExpireBefore) {
        if (candidates.isEmpty()) {
            return 0;
        }
        List<String> hashes = candidates.stream().map(ArtifactCollector::digestOf).toList();
        return tenancy.asSystemIn(organization.id(), () -> {
            organizations.lock(organization.id());
            Set<String> registered = artifacts.registered(hashes);
            Set<String> claimed = inFlight.claimed(hashes, marksExpireBefore);
            int deleted = 0;
            for (ObjectInfo candidate : candidates) {
                String digest = digestOf(candidate);
                if (!registered.contains(digest) && !claimed.contains(digest)) {
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
