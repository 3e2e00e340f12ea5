package io.slipway.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One recorded platform action (garbage collection, ...), which concerns no single organization. */
@Entity
@Table(name = "platform_audit_events")
public class PlatformAuditEvent extends ChainEventRow {

    protected PlatformAuditEvent() {
    }

    PlatformAuditEvent(ChainLink link, String prevHash) {
        super(link, prevHash);
    }
}
