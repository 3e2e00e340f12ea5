package io.slipway.promotion;

import io.slipway.api.Json;
import io.slipway.registry.Stage;
import io.slipway.registry.StageConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A request to move a model version into staging or production, with its evidence and its outcome. */
@Entity
@Table(name = "promotion_requests")
public class PromotionRequest {

    /** Where a request stands. */
    public enum State {
        PENDING, APPROVED, REJECTED,
        /** The stage changed (another request won, or a rollback) before this one was decided. */
        SUPERSEDED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<State> fromLabel(String label) {
            for (State state : values()) {
                if (state.label().equals(label)) {
                    return Optional.of(state);
                }
            }
            return Optional.empty();
        }
    }

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "model_id", nullable = false, updatable = false)
    private UUID modelId;

    @Column(name = "version_id", nullable = false, updatable = false)
    private UUID versionId;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    @Convert(converter = StageConverter.class)
    @Column(name = "target_stage", nullable = false, updatable = false, length = 16)
    private Stage targetStage;

    @Convert(converter = StateConverter.class)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false, updatable = false, length = 2000)
    private String justification;

    @Column(name = "base_version", updatable = false)
    private Integer baseVersion;

    @Column(name = "evidence_json", nullable = false, updatable = false, length = 100_000)
    private String evidenceJson;

    @Column(name = "gates_passed", nullable = false, updatable = false)
    private boolean gatesPassed;

    @Column(name = "approvals_required", nullable = false, updatable = false)
    private int approvalsRequired;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 64)
    private String requestedBy;

    @Column(name = "requested_by_name", nullable = false, updatable = false, length = 255)
    private String requestedByName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "override_reason", length = 2000)
    private String overrideReason;

    @Version
    @Column(name = "row_version", nullable = false)
    private int rowVersion;

    protected PromotionRequest() {
    }

    PromotionRequest(UUID projectId, UUID modelId, UUID versionId, int versionNumber, Stage targetStage,
                     String justification, Optional<Integer> baseVersion, Evidence evidence, int approvalsRequired,
                     String requestedBy, String requestedByName, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.modelId = modelId;
        this.versionId = versionId;
        this.versionNumber = versionNumber;
        this.targetStage = targetStage;
        this.state = State.PENDING;
        this.justification = justification;
        this.baseVersion = baseVersion.orElse(null);
        this.evidenceJson = Json.write(evidence);
        this.gatesPassed = evidence.gatesPassed();
        this.approvalsRequired = approvalsRequired;
        this.requestedBy = requestedBy;
        this.requestedByName = requestedByName;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public UUID modelId() {
        return modelId;
    }

    public UUID versionId() {
        return versionId;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public Stage targetStage() {
        return targetStage;
    }

    public State state() {
        return state;
    }

    public String justification() {
        return justification;
    }

    /** The version that held the target stage when the request was made; the stage must still hold it. */
    public Optional<Integer> baseVersion() {
        return Optional.ofNullable(baseVersion);
    }

    public Evidence evidence() {
        return Json.read(evidenceJson, new com.fasterxml.jackson.core.type.TypeReference<Evidence>() { });
    }

    public boolean gatesPassed() {
        return gatesPassed;
    }

    public int approvalsRequired() {
        return approvalsRequired;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String requestedByName() {
        return requestedByName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<String> overrideReason() {
        return Optional.ofNullable(overrideReason);
    }

    void decide(State outcome, Instant at, Optional<String> override) {
        this.state = outcome;
        this.decidedAt = at;
        this.overrideReason = override.orElse(null);
    }

    /** Stores states by label. */
    @Converter
    public static class StateConverter implements AttributeConverter<State, String> {

        @Override
        public String convertToDatabaseColumn(State state) {
            return state == null ? null : state.label();
        }

        @Override
        public State convertToEntityAttribute(String label) {
            return label == null ? null : State.valueOf(label.toUpperCase(Locale.ROOT));
        }
    }
}
