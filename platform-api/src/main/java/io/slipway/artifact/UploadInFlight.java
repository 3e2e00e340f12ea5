package io.slipway.artifact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * An upload between its first byte and its registration; see {@link UploadsInFlight}. Once its content's digest is
 * known the row names it.
 */
@Entity
@Table(name = "uploads_in_flight")
public class UploadInFlight {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(length = 64)
    private String sha256;

    protected UploadInFlight() {
    }

    UploadInFlight(UUID id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    UUID id() {
        return id;
    }

    Instant startedAt() {
        return startedAt;
    }

    String sha256() {
        return sha256;
    }

    void claim(String digest) {
        this.sha256 = digest;
    }
}
