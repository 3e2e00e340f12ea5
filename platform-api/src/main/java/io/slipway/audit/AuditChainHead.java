package io.slipway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The end of an organization's chain, signed: last sequence number and hash, and the latest checkpoint.
 * Appending locks this row, which orders concurrent changes in one organization; verification compares the
 * events with it, so deleted trailing events (or a deleted head) are noticed.
 */
@Entity
@Table(name = "audit_chain_heads")
public class AuditChainHead extends ChainHeadRow {

    @Id
    @Column(name = "org_id")
    private UUID orgId;

    protected AuditChainHead() {
    }

    AuditChainHead(UUID orgId, ChainState state) {
        super(state, null);
        this.orgId = orgId;
    }
}
