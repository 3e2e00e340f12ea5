package io.slipway.tenancy;

import java.time.Instant;

/** An invitation as the invited person sees it, to accept or decline. */
public record ReceivedInvitationView(String id, String organization, String organizationName, String role,
                                     String invitedBy, Instant createdAt, Instant expiresAt) {

    static ReceivedInvitationView of(Invitation invitation, Organization organization) {
        return new ReceivedInvitationView(invitation.id().toString(), organization.slug(), organization.name(),
                invitation.role().label(), invitation.invitedByName(), invitation.createdAt(),
                invitation.expiresAt());
    }
}
