package io.slipway.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One inference request in a deployment's request log: who, when, which version answered, how fast, how. */
@Entity
@Table(name = "inference_requests")
public class LoggedRequest {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "deployment_id", nullable = false, updatable = false)
    private UUID deploymentId;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "model_version", updatable = false)
    private Integer modelVersion;

    @Column(name = "latency_micros", nullable = false, updatable = false)
    private long latencyMicros;

    @Column(nullable = false, updatable = false)
    private int status;

    @Column(name = "error_code", updatable = false, length = 100)
    private String errorCode;

    @Column(name = "actor_kind", nullable = false, updatable = false, length = 32)
    private String actorKind;

    @Column(name = "actor_id", nullable = false, updatable = false, length = 64)
    private String actorId;

    @Column(name = "actor_name", nullable = false, updatable = false, length = 255)
    private String actorName;

    @Column(name = "request_payload", updatable = false, length = PayloadCapture.LIMIT)
    private String requestPayload;

    @Column(name = "response_payload", updatable = false, length = PayloadCapture.LIMIT)
    private String responsePayload;

    @Column(name = "payload_truncated", nullable = false, updatable = false)
    private boolean payloadTruncated;

    protected LoggedRequest() {
    }

    LoggedRequest(RequestRecord record) {
        this.id = record.requestId();
        this.projectId = record.projectId();
        this.deploymentId = record.deploymentId();
        this.receivedAt = record.receivedAt();
        this.modelVersion = record.version().isPresent() ? record.version().getAsInt() : null;
        this.latencyMicros = record.latencyMicros();
        this.status = record.status();
        this.errorCode = record.errorCode().orElse(null);
        this.actorKind = record.actorKind();
        this.actorId = record.actorId();
        this.actorName = record.actorName();
        record.sample().ifPresent(sample -> {
            this.requestPayload = sample.request();
            this.responsePayload = sample.response();
            this.payloadTruncated = sample.cut();
        });
    }

    /** The kept bodies, when the request was sampled. */
    public Optional<RequestRecord.PayloadSample> sample() {
        return requestPayload == null ? Optional.empty()
                : Optional.of(new RequestRecord.PayloadSample(requestPayload, responsePayload, payloadTruncated));
    }

    public UUID id() {
        return id;
    }

    public UUID deploymentId() {
        return deploymentId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public OptionalInt modelVersion() {
        return modelVersion == null ? OptionalInt.empty() : OptionalInt.of(modelVersion);
    }

    public long latencyMicros() {
        return latencyMicros;
    }

    public int status() {
        return status;
    }

    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    public String actorKind() {
        return actorKind;
    }

    public String actorName() {
        return actorName;
    }
}
