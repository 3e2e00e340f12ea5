package io.slipway.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.slipway.auth.ProjectRole;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaProjectMemberRepository implements ProjectMemberRepository {

    private final EntityManager em;

    @Inject
    JpaProjectMemberRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaProjectMemberRepository() {
        this.em = null;
    }

    @Override
    public Optional<ProjectMember> find(UUID projectId, String userId) {
        return em.createQuery("select m from ProjectMember m where m.projectId = :project and m.userId = :user",
                        ProjectMember.class)
                .setParameter("project", projectId)
                .setParameter("user", userId)
                .getResultStream().findFirst();
    }

    @Override
    public List<ProjectMember> page(UUID projectId, Optional<String> afterUsername, int limit) {
        return em.createQuery("""
                        select m from ProjectMember m
                        where m.projectId = :project and m.username > :after
                        order by m.username""", ProjectMember.class)
                .setParameter("project", projectId)
                .setParameter("after", afterUsername.orElse(""))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Map<UUID, ProjectRole> rolesOf(String userId, Collection<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select m from ProjectMember m where m.userId = :user and m.projectId in :projects",
                        ProjectMember.class)
                .setParameter("user", userId)
                .setParameter("projects", projectIds)
                .getResultStream()
                .collect(Collectors.toMap(ProjectMember::projectId, ProjectMember::role));
    }

    @Override
    public void store(ProjectMember member) {
        em.persist(member);
    }

    @Override
    public void remove(ProjectMember member) {
        em.remove(member);
    }
}
