package io.slipway.tenancy;

import java.time.Instant;

/**
 * An invitation as the organization's owners see it: what they typed and what became of it. It says nothing
 * about whether the name belongs to an account until the person answers.
 *
 * @param state {@code pending}, {@code accepted}, {@code declined}, {@code revoked} or {@code expired}
 */
public record InvitationView(String id, String organization, String invitee, String role, String state,
                             String invitedBy, Instant createdAt, Instant expiresAt) {

    static InvitationView of(Invitation invitation, String orgSlug, Instant now) {
        return new InvitationView(invitation.id().toString(), orgSlug, invitation.invitee(),
                invitation.role().label(), invitation.stateAt(now), invitation.invitedByName(),
                invitation.createdAt(), invitation.expiresAt());
    }
}
