package io.slipway.tenancy;

import io.slipway.auth.OrgRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaOrgMemberRepository implements OrgMemberRepository {

    private final EntityManager em;

    @Inject
    JpaOrgMemberRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaOrgMemberRepository() {
        this.em = null;
    }

    @Override
    public Optional<OrgMember> findByUser(String userId) {
        return em.createQuery("select m from OrgMember m where m.userId = :user", OrgMember.class)
                .setParameter("user", userId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<OrgMember> findByUsername(String username) {
        return em.createQuery("select m from OrgMember m where m.username = :name", OrgMember.class)
                .setParameter("name", username)
                .getResultStream().findFirst();
    }

    @Override
    public List<OrgMember> page(Optional<String> afterUsername, int limit) {
        return em.createQuery("select m from OrgMember m where m.username > :after order by m.username",
                        OrgMember.class)
                .setParameter("after", afterUsername.orElse(""))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countOwners() {
        return em.createQuery("select count(m) from OrgMember m where m.role = :owner", Long.class)
                .setParameter("owner", OrgRole.OWNER)
                .getSingleResult();
    }

    @Override
    public void store(OrgMember member) {
        em.persist(member);
    }

    @Override
    public void remove(OrgMember member) {
        em.remove(member);
    }
}
