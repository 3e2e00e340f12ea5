package io.slipway.audit.trail;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.audit.AuditEvent;
import io.slipway.audit.AuditEventRepository;
import io.slipway.audit.ChainVerifier;
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
 * events. Every page carries the result of verifying the organization's whole chain.
 */
@ApplicationScoped
public class AuditTrailService {

    private final Tenancy tenancy;
    private final ProjectAccess projects;
    private final AuditEventRepository events;
    private final ChainVerifier verifier;

    @Inject
    public AuditTrailService(Tenancy tenancy, ProjectAccess projects, AuditEventRepository events,
                             ChainVerifier verifier) {
        this.tenancy = tenancy;
        this.projects = projects;
        this.events = events;
        this.verifier = verifier;
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

    private AuditPage read(UUID orgId, Optional<UUID> projectId, Optional<Instant> since, Optional<Long> beforeSeq,
                           PageRequest page) {
        Page<AuditEvent> rows = Page.of(events.pageNewestFirst(projectId, since, beforeSeq, page.fetchSize()), page,
                e -> Long.toString(e.seq()));
        Page<AuditEventView> views = rows.map(AuditEventView::of);
        return new AuditPage(views.items(), views.nextCursor(), verifier.verify(orgId));
    }
}
