package io.slipway.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * Where an organization's outbox sequence stands. Publishing locks it until the transaction ends, so the
 * organization's events commit in sequence order and the relay never sees event n + 1 before event n.
 */
@Entity
@Table(name = "outbox_heads")
class OutboxHead {

    @Id
    @Column(name = "org_id")
    private UUID orgId;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    protected OutboxHead() {
    }

    long next() {
        return ++lastSeq;
    }
}
