package io.slipway.audit.trail;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditChains;
import io.slipway.audit.AuditEvent;
import io.slipway.audit.AuditEventRepository;
import io.slipway.audit.ChainRangeVerification;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading the audit trail. Organization owners read everything; project members read their project's
 * events. Every page carries the verdict on the chain's tail (a cost bounded by the checkpoint interval, whatever
 * the chain's length); the full verification is a separate, paged operation for owners.
 */
@ApplicationScoped
public class AuditTrailService {

    /** Most events one page of the full verification re-hashes. */
    public static final int MAX_VERIFICATION_LIMIT = 10_000;
    public static final int DEFAULT_VERIFICATION_LIMIT = 1_000;

    private final Tenancy tenancy;
    private final ProjectAccess projects;
    private final AuditEventRepository events;
    private final AuditChains chains;

    @Inject
    public AuditTrailService(Tenancy tenancy, ProjectAccess projects, AuditEventRepository events,
                             AuditChains chains) {
        this.tenancy = tenancy;
        this.projects = projects;
        this.events = events;
        this.chains = chains;
    }

    protected AuditTrailService() {
        this(null, null, null, null);
    }

    public AuditPage page(Caller caller, String orgSlug, Optional<String> projectSlug, Optional<Instant> since,
                          PageRequest page) {
        Optional<Long> beforeSeq = page.afterNumber();
        if (projectSlug.isPresent()) {
            return projects.inProject(caller, orgSlug, projectSlug.get(), Operation.PROJECT_AUDIT_READ, context ->
                    read(context.orgId(), Optional.of(context.project().id()), since, beforeSeq, page));
        }
        return tenancy.inOrganization(caller, orgSlug, Operation.ORG_AUDIT_READ, context ->
                read(context.organization().id(), Optional.empty(), since, beforeSeq, page));
    }

    /**
     * One page of the full verification of the organization's chain: events {@code from} to
     * {@code from + limit - 1}. Resumable: the result's {@code next} is the {@code from} of the next page.
     */
    public ChainRangeVerification verify(Caller caller, String orgSlug, Optional<Long> from, Optional<Long> limit) {
        long start = requireFrom(from);
        int size = requireLimit(limit);
        return tenancy.inOrganization(caller, orgSlug, Operation.ORG_AUDIT_VERIFY, context ->
                chains.verifyRange(context.organization().id(), start, size));
    }

    static long requireFrom(Optional<Long> from) {
        long start = from.orElse(1L);
        if (start < 1) {
            throw ProblemException.invalidField("from", "must be a sequence number, 1 or more");
        }
        return start;
    }

    static int requireLimit(Optional<Long> limit) {
        long size = limit.orElse((long) DEFAULT_VERIFICATION_LIMIT);
        if (size < 1 || size > MAX_VERIFICATION_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_VERIFICATION_LIMIT);
        }
        return (int) size;
    }

    private AuditPage read(UUID orgId, Optional<UUID> projectId, Optional<Instant> since, Optional<Long> beforeSeq,
                           PageRequest page) {
        Page<AuditEvent> rows = Page.of(events.pageNewestFirst(projectId, since, beforeSeq, page.fetchSize()), page,
                e -> Long.toString(e.seq()));
        return new AuditPage(rows.map(AuditEventView::of).items(), rows.nextCursor(),
                chains.verifyTail(orgId).alsoChecking(rows.items()));
    }
}
