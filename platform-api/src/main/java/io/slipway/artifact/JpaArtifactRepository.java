package io.slipway.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
class JpaArtifactRepository implements ArtifactRepository {

    private final EntityManager em;

    @Inject
    JpaArtifactRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaArtifactRepository() {
        this.em = null;
    }

    @Override
    public Optional<Artifact> findBySha256(String sha256) {
        return em.createQuery("select a from Artifact a where a.sha256 = :sha", Artifact.class)
                .setParameter("sha", sha256)
                .getResultStream().findFirst();
    }

    @Override
    public Set<String> registered(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select a.sha256 from Artifact a where a.sha256 in :shas", String.class)
                .setParameter("shas", sha256s)
                .getResultList());
    }

    @Override
    public void store(Artifact artifact) {
        em.persist(artifact);
    }
}
