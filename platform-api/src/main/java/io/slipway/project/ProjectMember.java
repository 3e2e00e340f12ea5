package io.slipway.project;

import io.slipway.auth.ProjectRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A person's role in a project. The person must be a member of the organization (a foreign key says so). */
@Entity
@Table(name = "project_members")
public class ProjectMember {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "user_id", nullable = false, updatable = false, length = 64)
    private String userId;

    @Column(nullable = false, length = 255)
    private String username;

    @Column(nullable = false, length = 16)
    private ProjectRole role;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, length = 64)
    private String grantedBy;

    protected ProjectMember() {
    }

    public ProjectMember(UUID projectId, String userId, String username, ProjectRole role, Instant grantedAt,
                         String grantedBy) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.userId = userId;
        this.username = username;
        this.role = role;
        this.grantedAt = grantedAt;
        this.grantedBy = grantedBy;
    }

    public UUID projectId() {
        return projectId;
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public ProjectRole role() {
        return role;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    void grant(ProjectRole newRole, Instant at, String by) {
        this.role = newRole;
        this.grantedAt = at;
        this.grantedBy = by;
    }
}
