package io.slipway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class JpaWebhookRepository implements WebhookRepository {

    private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    private static final String PENDING = WebhookDelivery.Status.PENDING.label();

    private final EntityManager em;

    @Inject
    JpaWebhookRepository(EntityManager em) {
        this.em = em;
    }

    protected JpaWebhookRepository() {
        this.em = null;
    }

    @Override
    public void store(Webhook webhook) {
        em.persist(webhook);
    }

    @Override
    public Optional<Webhook> find(UUID projectId, UUID id) {
        return Optional.ofNullable(em.find(Webhook.class, id)).filter(w -> w.projectId().equals(projectId));
    }

    @Override
    public Optional<Webhook> find(UUID id) {
        return Optional.ofNullable(em.find(Webhook.class, id));
    }

    @Override
    public List<Webhook> page(UUID projectId, Optional<Instant> after, int limit) {
        return em.createQuery("select w from Webhook w where w.projectId = :project and w.createdAt > :after"
                        + " order by w.createdAt", Webhook.class)
                .setParameter("project", projectId)
                .setParameter("after", after.orElse(BEGINNING))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void remove(Webhook webhook) {
        em.createQuery("delete from WebhookDelivery d where d.webhookId = :webhook")
                .setParameter("webhook", webhook.id())
                .executeUpdate();
        em.remove(webhook);
    }

    @Override
    public List<Webhook> enabledIn(UUID projectId) {
        return em.createQuery("select w from Webhook w where w.projectId = :project and w.enabled = true",
                        Webhook.class)
                .setParameter("project", projectId)
                .getResultList();
    }

    @Override
    public void store(WebhookDelivery delivery) {
        em.persist(delivery);
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(UUID id) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, id));
    }

    @Override
    public List<WebhookDelivery> deliveries(UUID webhookId, Optional<Long> belowSeq, int limit) {
        return em.createQuery("select d from WebhookDelivery d where d.webhookId = :webhook and d.eventSeq < :below"
                        + " order by d.eventSeq desc", WebhookDelivery.class)
                .setParameter("webhook", webhookId)
                .setParameter("below", belowSeq.orElse(Long.MAX_VALUE))
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<WebhookDelivery> nextPending(UUID webhookId) {
        return em.createQuery("select d from WebhookDelivery d where d.webhookId = :webhook and d.status = :pending"
                        + " order by d.eventSeq", WebhookDelivery.class)
                .setParameter("webhook", webhookId)
                .setParameter("pending", PENDING)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return em.createQuery("select d.orgId, d.webhookId from WebhookDelivery d, Webhook w"
                        + " where w.orgId = d.orgId and w.id = d.webhookId and w.enabled = true"
                        + " and d.status = :pending and d.nextAttemptAt <= :now"
                        + " and not exists (select 1 from WebhookDelivery e where e.orgId = d.orgId"
                        + " and e.webhookId = d.webhookId and e.status = :pending and e.eventSeq < d.eventSeq)",
                        Object[].class)
                .setParameter("pending", PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(row -> new Due((UUID) row[0], (UUID) row[1]))
                .toList();
    }
}
