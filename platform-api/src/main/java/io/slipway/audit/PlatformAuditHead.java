package io.slipway.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The head of the platform's chain: one row, created with the schema. */
@Entity
@Table(name = "platform_audit_heads")
public class PlatformAuditHead extends ChainHeadRow {

    /** The platform chain's name, in its head row and its signatures. */
    static final String CHAIN = "platform";

    @Id
    @Column(name = "chain", length = 16)
    private String chain;

    protected PlatformAuditHead() {
    }

    /** A new head row, for a platform whose row was deleted behind Slipway's back. */
    PlatformAuditHead(ChainState state) {
        super(state, null);
        this.chain = CHAIN;
    }
}
