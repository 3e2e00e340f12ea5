package io.slipway.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A project's webhook: where its events go, which ones, and the sealed secret that signs them. */
@Entity
@Table(name = "webhooks")
public class Webhook {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(name = "event_types", nullable = false, length = 2000)
    private String eventTypes;

    @Column(length = 500)
    private String description;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "secret_encrypted", nullable = false, length = 200)
    private String secretEncrypted;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(nullable = false)
    private long version;

    protected Webhook() {
    }

    Webhook(UUID id, UUID projectId, String url, List<String> eventTypes, String description, boolean enabled,
            String secretEncrypted, Instant now, String createdBy) {
        this.id = id;
        this.projectId = projectId;
        this.url = url;
        this.eventTypes = String.join(",", eventTypes);
        this.description = description;
        this.enabled = enabled;
        this.secretEncrypted = secretEncrypted;
        this.createdAt = now;
        this.createdBy = createdBy;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orgId() {
        return orgId;
    }

    public UUID projectId() {
        return projectId;
    }

    public String url() {
        return url;
    }

    /** The event types it receives; empty means every type. */
    public List<String> eventTypes() {
        return eventTypes.isEmpty() ? List.of() : Arrays.asList(eventTypes.split(","));
    }

    boolean receives(String type) {
        return eventTypes.isEmpty() || eventTypes().contains(type);
    }

    public String description() {
        return description;
    }

    public boolean enabled() {
        return enabled;
    }

    String secretEncrypted() {
        return secretEncrypted;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    void change(String newUrl, List<String> newTypes, String newDescription, boolean nowEnabled, Instant now) {
        this.url = newUrl;
        this.eventTypes = String.join(",", newTypes);
        this.description = newDescription;
        this.enabled = nowEnabled;
        this.updatedAt = now;
    }

    void rotate(String newSecretEncrypted, Instant now) {
        this.secretEncrypted = newSecretEncrypted;
        this.updatedAt = now;
    }
}
