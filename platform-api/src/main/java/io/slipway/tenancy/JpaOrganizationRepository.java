package io.slipway.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaOrganizationRepository implements OrganizationRepository {

    private final EntityManager em;

    @Inject
    JpaOrganizationRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaOrganizationRepository() {
        this.em = null;
    }

    @Override
    public Optional<Organization> findBySlug(String slug) {
        return em.createQuery("select o from Organization o where o.slug = :slug", Organization.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Organization> findById(UUID id) {
        return Optional.ofNullable(em.find(Organization.class, id));
    }

    @Override
    public void store(Organization organization) {
        em.persist(organization);
    }

    @Override
    public List<Organization> page(Optional<String> afterSlug, int limit) {
        return em.createQuery("select o from Organization o where o.slug > :after order by o.slug", Organization.class)
                .setParameter("after", afterSlug.orElse(""))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void lock(UUID id) {
        em.find(Organization.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public List<Organization> findForMember(String userId, Optional<String> afterSlug, int limit) {
        return em.createQuery("""
                        select o from Organization o
                        where o.slug > :after
                          and exists (select 1 from OrgMember m where m.orgId = o.id and m.userId = :user)
                        order by o.slug""", Organization.class)
                .setParameter("after", afterSlug.orElse(""))
                .setParameter("user", userId)
                .setMaxResults(limit)
                .getResultList();
    }
}
