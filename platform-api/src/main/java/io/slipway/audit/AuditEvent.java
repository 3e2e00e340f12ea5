package io.slipway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One recorded change in an organization. Never updated or deleted by Slipway. */
@Entity
@Table(name = "audit_events")
public class AuditEvent extends ChainEventRow {

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", updatable = false)
    private UUID projectId;

    @Column(name = "project_slug", updatable = false, length = 63)
    private String projectSlug;

    protected AuditEvent() {
    }

    AuditEvent(ChainLink link, String prevHash) {
        super(link, prevHash);
        this.projectId = link.projectId();
        this.projectSlug = link.projectSlug();
    }

    @Override
    public UUID projectId() {
        return projectId;
    }

    @Override
    public String projectSlug() {
        return projectSlug;
    }
}
