package io.slipway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The end of an organization's chain: last sequence number and hash. Appending locks this row, which
 * orders concurrent changes in one organization, and lets verification notice deleted trailing events.
 */
@Entity
@Table(name = "audit_chain_heads")
public class AuditChainHead {

    @Id
    @Column(name = "org_id")
    private UUID orgId;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {
    }

    AuditChainHead(UUID orgId) {
        this.orgId = orgId;
        this.lastSeq = 0;
        this.lastHash = ChainLink.GENESIS;
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(AuditEvent event) {
        this.lastSeq = event.seq();
        this.lastHash = event.hash();
    }
}
