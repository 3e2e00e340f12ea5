package io.slipway.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed checkpoint of the platform's chain. */
@Entity
@Table(name = "platform_audit_checkpoints")
public class PlatformAuditCheckpoint extends CheckpointRow {

    protected PlatformAuditCheckpoint() {
    }

    PlatformAuditCheckpoint(Checkpoint checkpoint, Instant createdAt) {
        super(checkpoint, createdAt);
    }
}
