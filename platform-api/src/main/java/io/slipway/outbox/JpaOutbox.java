package io.slipway.outbox;

import io.slipway.api.Json;
import io.slipway.persistence.TenantContext;
import io.slipway.persistence.Transactions;
import io.slipway.tenancy.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The outbox in Slipway's database: an {@code outbox_events} row in the caller's transaction, numbered by the
 * organization's head (locked until the transaction ends). Refuses to publish outside a transaction or outside
 * an organization's tenant scope: an event that could commit without its change, or land in no organization, is
 * a programming error.
 */
@ApplicationScoped
public class JpaOutbox implements Outbox {

    /** Slipway event types: lower-case words joined by dots and hyphens, e.g. {@code model.version-registered}. */
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private final EntityManager em;
    private final Transactions transactions;

    @Inject
    public JpaOutbox(EntityManager em, Transactions transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    protected JpaOutbox() {
        this(null, null);
    }

    @Override
    public void publish(OutboxEvent event) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(event.projectId(), "projectId");
        Objects.requireNonNull(event.projectSlug(), "projectSlug");
        Objects.requireNonNull(event.data(), "data");
        if (event.type() == null || !TYPE.matcher(event.type()).matches()) {
            throw new IllegalArgumentException("Not an event type: " + event.type());
        }
        UUID orgId = TenantContext.current().filter(tenant -> !TenantContext.PLATFORM.equals(tenant))
                .orElseThrow(() -> new IllegalStateException(
                        "Outbox events are published inside their organization's tenant scope"));
        if (!transactions.active()) {
            throw new IllegalStateException("Outbox events are published in the transaction of their change");
        }
        Organization organization = em.find(Organization.class, orgId);
        if (organization == null) {
            throw new IllegalStateException("No organization " + orgId);
        }
        long seq = lockHead(orgId).next();
        String source = "/orgs/" + organization.slug() + "/projects/" + event.projectSlug();
        em.persist(new OutboxRecord(seq, event.projectId(), source, event.type(), event.subject(),
                Json.write(event.data()), Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }

    private OutboxHead lockHead(UUID orgId) {
        OutboxHead head = em.find(OutboxHead.class, orgId, LockModeType.PESSIMISTIC_WRITE);
        if (head != null) {
            return head;
        }
        // the organization's first event: two first events at once must not both insert the head
        em.createNativeQuery("insert into outbox_heads (org_id, last_seq) values (?1, 0) on conflict do nothing")
                .setParameter(1, orgId)
                .executeUpdate();
        return em.find(OutboxHead.class, orgId, LockModeType.PESSIMISTIC_WRITE);
    }
}
