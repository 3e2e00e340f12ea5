package io.slipway.registry;

import io.slipway.auth.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * One change of a single-holder stage, append-only: from which version to which, why, on whose request, by
 * whom. {@code seq} counts one model's changes of one stage from 1 without gaps.
 */
@Entity
@Table(name = "stage_history")
public class StageChange {

    /** Why a stage changed. */
    public enum Cause {
        /** An approved promotion request (or one the policy lets through without approval). */
        PROMOTION,
        /** A rollback to the version that held the stage before. */
        ROLLBACK,
        /** An admin approved a request whose gates failed, with a written reason. */
        OVERRIDE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "model_id", nullable = false, updatable = false)
    private UUID modelId;

    @Convert(converter = StageConverter.class)
    @Column(nullable = false, updatable = false, length = 16)
    private Stage stage;

    @Column(nullable = false, updatable = false)
    private int seq;

    @Column(name = "from_version", updatable = false)
    private Integer fromVersion;

    @Column(name = "to_version", updatable = false)
    private Integer toVersion;

    @Convert(converter = CauseConverter.class)
    @Column(nullable = false, updatable = false, length = 16)
    private Cause cause;

    @Column(name = "request_id", updatable = false)
    private UUID requestId;

    @Convert(converter = StageConverter.class)
    @Column(name = "previous_holder_to", updatable = false, length = 16)
    private Stage previousHolderTo;

    @Column(name = "actor_kind", nullable = false, updatable = false, length = 16)
    private String actorKind;

    @Column(name = "actor_id", nullable = false, updatable = false, length = 64)
    private String actorId;

    @Column(name = "actor_name", nullable = false, updatable = false, length = 255)
    private String actorName;

    @Column(updatable = false, length = 2000)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StageChange() {
    }

    StageChange(UUID modelId, Stage stage, int seq, Optional<Integer> fromVersion, Optional<Integer> toVersion,
                Cause cause, Optional<UUID> requestId, Optional<Stage> previousHolderTo, Actor actor,
                Optional<String> reason, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.modelId = modelId;
        this.stage = stage;
        this.seq = seq;
        this.fromVersion = fromVersion.orElse(null);
        this.toVersion = toVersion.orElse(null);
        this.cause = cause;
        this.requestId = requestId.orElse(null);
        this.previousHolderTo = previousHolderTo.orElse(null);
        this.actorKind = actor.kind();
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.reason = reason.orElse(null);
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public Stage stage() {
        return stage;
    }

    public int seq() {
        return seq;
    }

    public Optional<Integer> fromVersion() {
        return Optional.ofNullable(fromVersion);
    }

    public Optional<Integer> toVersion() {
        return Optional.ofNullable(toVersion);
    }

    public Cause cause() {
        return cause;
    }

    public Optional<UUID> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<Stage> previousHolderTo() {
        return Optional.ofNullable(previousHolderTo);
    }

    public String actorKind() {
        return actorKind;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Stores causes by label. */
    @Converter
    public static class CauseConverter implements AttributeConverter<Cause, String> {

        @Override
        public String convertToDatabaseColumn(Cause cause) {
            return cause == null ? null : cause.label();
        }

        @Override
        public Cause convertToEntityAttribute(String label) {
            return label == null ? null : Cause.valueOf(label.toUpperCase(Locale.ROOT));
        }
    }
}
