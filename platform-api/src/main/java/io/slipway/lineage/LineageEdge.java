package io.slipway.lineage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** "from" flowed into "to", e.g. a dataset version trained a model version. */
@Entity
@Table(name = "lineage_edges")
public class LineageEdge {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "from_kind", nullable = false, updatable = false, length = 32)
    private String fromKind;

    @Column(name = "from_id", nullable = false, updatable = false)
    private UUID fromId;

    @Column(name = "to_kind", nullable = false, updatable = false, length = 32)
    private String toKind;

    @Column(name = "to_id", nullable = false, updatable = false)
    private UUID toId;

    @Column(nullable = false, updatable = false, length = 32)
    private String relation;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LineageEdge() {
    }

    public LineageEdge(UUID projectId, NodeKey from, NodeKey to, String relation, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.fromKind = from.kind();
        this.fromId = from.id();
        this.toKind = to.kind();
        this.toId = to.id();
        this.relation = relation;
        this.createdAt = createdAt;
    }

    public NodeKey from() {
        return new NodeKey(fromKind, fromId);
    }

    public NodeKey to() {
        return new NodeKey(toKind, toId);
    }

    public String relation() {
        return relation;
    }
}
