package io.slipway.deployment;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Reading a deployment's request log: newest first, paged, filtered by status or version. */
@ApplicationScoped
public class RequestLogService {

    private final ProjectAccess access;
    private final DeploymentRepository deployments;
    private final EntityManager em;

    @Inject
    public RequestLogService(ProjectAccess access, DeploymentRepository deployments, EntityManager em) {
        this.access = access;
        this.deployments = deployments;
        this.em = em;
    }

    protected RequestLogService() {
        this(null, null, null);
    }

    /** What to show of the log. */
    public record Filter(Optional<Integer> status, Optional<Integer> version) {
    }

    public Page<RequestLogView> page(Caller caller, String orgSlug, String projectSlug, String name, Filter filter,
                                     PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.DEPLOYMENT_READ, context -> {
            Deployment deployment = deployments.require(context, name);
            Optional<Cursor> after = page.after().map(Cursor::parse);
            StringBuilder jpql = new StringBuilder("select r from LoggedRequest r where r.deploymentId = :deployment");
            filter.status().ifPresent(s -> jpql.append(" and r.status = :status"));
            filter.version().ifPresent(v -> jpql.append(" and r.modelVersion = :version"));
            after.ifPresent(c -> jpql.append(" and (r.receivedAt < :at or (r.receivedAt = :at and r.id < :id))"));
            jpql.append(" order by r.receivedAt desc, r.id desc");
            TypedQuery<LoggedRequest> query = em.createQuery(jpql.toString(), LoggedRequest.class)
                    .setParameter("deployment", deployment.id())
                    .setMaxResults(page.fetchSize());
            filter.status().ifPresent(s -> query.setParameter("status", s));
            filter.version().ifPresent(v -> query.setParameter("version", v));
            after.ifPresent(c -> query.setParameter("at", c.at()).setParameter("id", c.id()));
            boolean withPayloads = context.may(Operation.DEPLOYMENT_MANAGE);
            return Page.of(query.getResultList(), page, r -> r.receivedAt() + "|" + r.id())
                    .map(row -> RequestLogView.of(row, withPayloads));
        });
    }

    /** Where the previous page ended: the time and id of its last row. */
    private record Cursor(Instant at, UUID id) {

        static Cursor parse(String key) {
            int bar = key.indexOf('|');
            try {
                return new Cursor(Instant.parse(key.substring(0, bar)), UUID.fromString(key.substring(bar + 1)));
            } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
            }
        }
    }
}
