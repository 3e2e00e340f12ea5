package io.slipway.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** An uploaded code bundle of a project: its archive is an artifact, named by its SHA-256. */
@Entity
@Table(name = "code_bundles")
public class CodeBundle {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "sha256", nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "file_name", length = 255, updatable = false)
    private String fileName;

    @Column(name = "format", nullable = false, updatable = false, length = 8)
    private String format;

    @Column(name = "files", nullable = false, updatable = false)
    private int files;

    @Column(name = "unpacked_bytes", nullable = false, updatable = false)
    private long unpackedBytes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    protected CodeBundle() {
    }

    CodeBundle(UUID projectId, String sha256, long sizeBytes, String fileName, BundleArchive.Contents contents,
               Instant createdAt, String createdBy) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.fileName = fileName;
        this.format = contents.format().label();
        this.files = contents.files();
        this.unpackedBytes = contents.unpackedBytes();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
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

    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String fileName() {
        return fileName;
    }

    public BundleArchive.Format format() {
        return BundleArchive.Format.fromLabel(format);
    }

    public int files() {
        return files;
    }

    public long unpackedBytes() {
        return unpackedBytes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
