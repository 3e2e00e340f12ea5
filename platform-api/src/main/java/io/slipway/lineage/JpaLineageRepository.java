package io.slipway.lineage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

@ApplicationScoped
class JpaLineageRepository implements LineageRepository {

    private final EntityManager em;

    @Inject
    JpaLineageRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaLineageRepository() {
        this.em = null;
    }

    @Override
    public void store(LineageEdge edge) {
        em.persist(edge);
    }

    @Override
    public List<LineageEdge> from(NodeKey node) {
        return em.createQuery("select e from LineageEdge e where e.fromKind = :kind and e.fromId = :id",
                        LineageEdge.class)
                .setParameter("kind", node.kind())
                .setParameter("id", node.id())
                .getResultList();
    }

    @Override
    public List<LineageEdge> to(NodeKey node) {
        return em.createQuery("select e from LineageEdge e where e.toKind = :kind and e.toId = :id", LineageEdge.class)
                .setParameter("kind", node.kind())
                .setParameter("id", node.id())
                .getResultList();
    }

    @Override
    public List<LineageEdge> toFromKind(NodeKey node, String fromKind) {
        return em.createQuery("""
                        select e from LineageEdge e
                        where e.toKind = :kind and e.toId = :id and e.fromKind = :fromKind""", LineageEdge.class)
                .setParameter("kind", node.kind())
                .setParameter("id", node.id())
                .setParameter("fromKind", fromKind)
                .getResultList();
    }
}
