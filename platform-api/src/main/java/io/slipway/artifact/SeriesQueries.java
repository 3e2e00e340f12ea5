package io.slipway.artifact;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queries every {@link VersionedSeries} needs (datasets, models), written once: a series by name or id, a
 * project's series paged by name, a version by number or id, versions newest first, and how many series a project
 * has. Runs in the caller's tenant scope, so every query sees one organization only. The entity names and the
 * version's reference to its series come from the repository's constants, never from input.
 *
 * @param <S> the series entity
 * @param <V> its version entity
 */
public final class SeriesQueries<S extends VersionedSeries, V extends ArtifactVersion> {

    private final EntityManager em;
    private final Class<S> seriesType;
    private final Class<V> versionType;
    private final String series;
    private final String version;
    private final String seriesIdAttribute;

    /**
     * @param seriesIdAttribute the version entity's attribute holding its series' id, e.g. {@code datasetId}
     */
    public SeriesQueries(EntityManager em, Class<S> seriesType, Class<V> versionType, String seriesIdAttribute) {
        this.em = em;
        this.seriesType = seriesType;
        this.versionType = versionType;
        // the default entity names: these entities declare none of their own
        this.series = seriesType.getSimpleName();
        this.version = versionType.getSimpleName();
        this.seriesIdAttribute = seriesIdAttribute;
    }

    public Optional<S> findByName(UUID projectId, String name) {
        return em.createQuery("select s from " + series + " s where s.projectId = :project and s.name = :name",
                        seriesType)
                .setParameter("project", projectId)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    public Optional<S> findById(UUID seriesId) {
        return em.createQuery("select s from " + series + " s where s.id = :id", seriesType)
                .setParameter("id", seriesId)
                .getResultStream().findFirst();
    }

    /** A project's series by name, after {@code afterName}. */
    public List<S> page(UUID projectId, Optional<String> afterName, int limit) {
        return em.createQuery("select s from " + series + " s where s.projectId = :project and s.name > :after"
                        + " order by s.name", seriesType)
                .setParameter("project", projectId)
                .setParameter("after", afterName.orElse(""))
                .setMaxResults(limit)
                .getResultList();
    }

    public long countInProject(UUID projectId) {
        return em.createQuery("select count(s) from " + series + " s where s.projectId = :project", Long.class)
                .setParameter("project", projectId)
                .getSingleResult();
    }

    public Optional<V> findVersion(UUID seriesId, int number) {
        return em.createQuery("select v from " + version + " v where v." + seriesIdAttribute + " = :series"
                        + " and v.number = :number", versionType)
                .setParameter("series", seriesId)
                .setParameter("number", number)
                .getResultStream().findFirst();
    }

    public Optional<V> findVersionById(UUID versionId) {
        return em.createQuery("select v from " + version + " v where v.id = :id", versionType)
                .setParameter("id", versionId)
                .getResultStream().findFirst();
    }

    /** Whether one of the series' versions holds exactly this content. */
    public boolean holdsContent(UUID seriesId, String sha256) {
        return em.createQuery("select count(v) from " + version + " v where v." + seriesIdAttribute + " = :series"
                        + " and v.artifactSha256 = :sha", Long.class)
                .setParameter("series", seriesId)
                .setParameter("sha", sha256)
                .getSingleResult() > 0;
    }

    /** Versions newest first, below {@code belowNumber} (all when empty). */
    public List<V> versionsNewestFirst(UUID seriesId, Optional<Integer> belowNumber, int limit) {
        return em.createQuery("select v from " + version + " v where v." + seriesIdAttribute + " = :series"
                        + " and v.number < :below order by v.number desc", versionType)
                .setParameter("series", seriesId)
                .setParameter("below", belowNumber.orElse(Integer.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList();
    }
}
