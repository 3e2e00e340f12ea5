package io.slipway.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** Reading published events back (inside their organization's tenant scope), for work that delivers them later. */
@ApplicationScoped
public class PublishedEvents {

    private final EntityManager em;

    @Inject
    public PublishedEvents(EntityManager em) {
        this.em = em;
    }

    protected PublishedEvents() {
        this(null);
    }

    public Optional<RelayedEvent> find(UUID eventId) {
        return Optional.ofNullable(em.find(OutboxRecord.class, eventId)).map(OutboxRecord::relayed);
    }
}
