package io.slipway.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaProjectRepository implements ProjectRepository {

    private final EntityManager em;

    @Inject
    JpaProjectRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaProjectRepository() {
        this.em = null;
    }

    @Override
    public Optional<Project> findById(UUID id) {
        return Optional.ofNullable(em.find(Project.class, id));
    }

    @Override
    public Optional<Project> findBySlug(String slug) {
        return em.createQuery("select p from Project p where p.slug = :slug", Project.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    @Override
    public List<Project> page(Optional<String> afterSlug, int limit) {
        return em.createQuery("select p from Project p where p.slug > :after order by p.slug", Project.class)
                .setParameter("after", afterSlug.orElse(""))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Project> pageForMember(String userId, Optional<String> afterSlug, int limit) {
        return em.createQuery("""
                        select p from Project p
                        where p.slug > :after
                          and exists (select 1 from ProjectMember m where m.projectId = p.id and m.userId = :user)
                        order by p.slug""", Project.class)
                .setParameter("after", afterSlug.orElse(""))
                .setParameter("user", userId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void store(Project project) {
        em.persist(project);
    }

    @Override
    public void remove(Project project) {
        em.createQuery("delete from ProjectMember m where m.projectId = :project")
                .setParameter("project", project.id())
                .executeUpdate();
        em.remove(project);
    }
}
