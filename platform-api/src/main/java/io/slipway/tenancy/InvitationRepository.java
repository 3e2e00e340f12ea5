package io.slipway.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations: tenant-scoped, except {@link #openFor}, which callers run in the platform scope. */
public interface InvitationRepository {

    Optional<Invitation> find(UUID id);

    /** The current organization's pending invitation of this invitee (as normalized), if any. */
    Optional<Invitation> findPending(String invitee);

    /** The current organization's invitations, newest first, created before {@code before}. */
    List<Invitation> page(Optional<Instant> before, int limit);

    /** Every organization's invitations that this account may answer now, newest first (platform scope). */
    List<Invitation> openFor(String userId, Instant now, int limit);

    void store(Invitation invitation);
}
