package io.slipway.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaInvitationRepository implements InvitationRepository {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final EntityManager em;

    @Inject
    JpaInvitationRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaInvitationRepository() {
        this.em = null;
    }

    @Override
    public Optional<Invitation> find(UUID id) {
        return em.createQuery("select i from Invitation i where i.id = :id", Invitation.class)
                .setParameter("id", id)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Invitation> findPending(String invitee) {
        return em.createQuery("select i from Invitation i where i.invitee = :invitee and i.state = :pending",
                        Invitation.class)
                .setParameter("invitee", Invitation.normalize(invitee))
                .setParameter("pending", Invitation.State.PENDING)
                .getResultStream().findFirst();
    }

    @Override
    public List<Invitation> page(Optional<Instant> before, int limit) {
        return em.createQuery("select i from Invitation i where i.createdAt < :before order by i.createdAt desc",
                        Invitation.class)
                .setParameter("before", before.orElse(END_OF_TIME))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Invitation> openFor(String userId, Instant now, int limit) {
        return em.createQuery("select i from Invitation i where i.inviteeUserId = :user and i.state = :pending"
                        + " and i.expiresAt > :now order by i.createdAt desc", Invitation.class)
                .setParameter("user", userId)
                .setParameter("pending", Invitation.State.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void store(Invitation invitation) {
        em.persist(invitation);
    }
}
