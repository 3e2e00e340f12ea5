package io.slipway.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * What the serving runtime reports of a deployment: its state, why it is pending or why its last load failed, and
 * the versions it has loaded. Written by the platform only, never with the user's settings.
 */
@Entity
@Table(name = "deployment_status")
public class DeploymentStatus {

    @Id
    @Column(name = "deployment_id", nullable = false, updatable = false)
    private UUID deploymentId;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Convert(converter = DeploymentState.Converter.class)
    @Column(nullable = false, length = 16)
    private DeploymentState state;

    @Column(length = 2000)
    private String reason;

    @Column(name = "serving_version")
    private Integer servingVersion;

    @Column(name = "previous_version")
    private Integer previousVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DeploymentStatus() {
    }

    DeploymentStatus(UUID deploymentId, Instant now) {
        this.deploymentId = deploymentId;
        this.state = DeploymentState.PENDING;
        this.updatedAt = now;
    }

    void report(DeploymentState newState, Optional<String> newReason, OptionalInt serving, OptionalInt previous,
                Instant now) {
        this.state = newState;
        this.reason = newReason.map(r -> r.length() > 2000 ? r.substring(0, 1997) + "..." : r).orElse(null);
        this.servingVersion = serving.isPresent() ? serving.getAsInt() : null;
        this.previousVersion = previous.isPresent() ? previous.getAsInt() : null;
        this.updatedAt = now;
    }

    public DeploymentState state() {
        return state;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public OptionalInt servingVersion() {
        return servingVersion == null ? OptionalInt.empty() : OptionalInt.of(servingVersion);
    }

    public OptionalInt previousVersion() {
        return previousVersion == null ? OptionalInt.empty() : OptionalInt.of(previousVersion);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
