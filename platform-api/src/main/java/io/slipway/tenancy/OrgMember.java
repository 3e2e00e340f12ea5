package io.slipway.tenancy;

import io.slipway.auth.OrgRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A person's membership of an organization, keyed by their Keycloak user id. */
@Entity
@Table(name = "org_members")
public class OrgMember {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(nullable = false, length = 255)
    private String username;

    @Column(nullable = false, length = 16)
    private OrgRole role;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false, length = 64)
    private String addedBy;

    protected OrgMember() {
    }

    public OrgMember(String userId, String username, OrgRole role, Instant addedAt, String addedBy) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.username = username;
        this.role = role;
        this.addedAt = addedAt;
        this.addedBy = addedBy;
    }

    public UUID orgId() {
        return orgId;
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public OrgRole role() {
        return role;
    }

    public void changeRole(OrgRole newRole) {
        this.role = newRole;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
