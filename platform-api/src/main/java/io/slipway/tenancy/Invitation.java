package io.slipway.tenancy;

import io.slipway.auth.OrgRole;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * An owner's invitation of a person, by user name or e-mail, to join an organization with a role. The person
 * becomes a member only by accepting it; until then the owner learns nothing about whether the name is an
 * account's (see {@code V4__org_invitations.sql}).
 */
@Entity
@Table(name = "org_invitations")
public class Invitation {

    /** What happened to an invitation. */
    public enum State {
        PENDING, ACCEPTED, DECLINED, REVOKED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private UUID id;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(nullable = false, length = 255)
    private String invitee;

    @Column(name = "invitee_user_id", length = 64)
    private String inviteeUserId;

    @Column(nullable = false, length = 16)
    private OrgRole role;

    @Convert(converter = InvitationStateConverter.class)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "invited_by", nullable = false, length = 64)
    private String invitedBy;

    @Column(name = "invited_by_name", nullable = false, length = 255)
    private String invitedByName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Invitation() {
    }

    Invitation(String invitee, Optional<String> inviteeUserId, OrgRole role, String invitedBy, String invitedByName,
               Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.invitee = normalize(invitee);
        this.inviteeUserId = inviteeUserId.orElse(null);
        this.role = role;
        this.state = State.PENDING;
        this.invitedBy = invitedBy;
        this.invitedByName = invitedByName;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** How invitees are compared: user names and e-mail addresses are case-insensitive. */
    static String normalize(String invitee) {
        return invitee.strip().toLowerCase(Locale.ROOT);
    }

    public UUID id() {
        return id;
    }

    public UUID orgId() {
        return orgId;
    }

    public String invitee() {
        return invitee;
    }

    /** Whether the invitation names this account and may still be answered. */
    boolean isOpenTo(String userId, Instant now) {
        return state == State.PENDING && userId.equals(inviteeUserId) && now.isBefore(expiresAt);
    }

    public OrgRole role() {
        return role;
    }

    /** The state, {@code expired} standing for a pending invitation past its time. */
    public String stateAt(Instant now) {
        return state == State.PENDING && !now.isBefore(expiresAt) ? "expired" : state.label();
    }

    public String invitedByName() {
        return invitedByName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    boolean isPending() {
        return state == State.PENDING;
    }

    /** A new invitation of the same person replaces the pending one: its role and time, re-resolved. */
    void renew(Optional<String> userId, OrgRole newRole, String by, String byName, Instant now, Instant expires) {
        this.inviteeUserId = userId.orElse(null);
        this.role = newRole;
        this.invitedBy = by;
        this.invitedByName = byName;
        this.createdAt = now;
        this.expiresAt = expires;
    }

    void decide(State decision, Instant at) {
        this.state = decision;
        this.decidedAt = at;
    }
}
