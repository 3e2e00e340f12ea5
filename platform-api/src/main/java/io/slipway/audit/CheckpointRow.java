package io.slipway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/** A stored checkpoint of a chain. Never updated or deleted by Slipway. */
@MappedSuperclass
public abstract class CheckpointRow {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    @Column(nullable = false, updatable = false, length = 64)
    private String mac;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CheckpointRow() {
    }

    protected CheckpointRow(Checkpoint checkpoint, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.seq = checkpoint.seq();
        this.hash = checkpoint.hash();
        this.mac = checkpoint.mac();
        this.createdAt = createdAt;
    }

    public Checkpoint checkpoint() {
        return new Checkpoint(seq, hash, mac);
    }
}
