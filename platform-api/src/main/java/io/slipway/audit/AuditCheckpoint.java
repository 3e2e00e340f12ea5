package io.slipway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A signed checkpoint of an organization's chain. */
@Entity
@Table(name = "audit_checkpoints")
public class AuditCheckpoint extends CheckpointRow {

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    protected AuditCheckpoint() {
    }

    AuditCheckpoint(Checkpoint checkpoint, Instant createdAt) {
        super(checkpoint, createdAt);
    }
}
