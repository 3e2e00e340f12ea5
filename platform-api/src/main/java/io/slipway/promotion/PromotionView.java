package io.slipway.promotion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A promotion request as the API shows it: what, why, the evidence it was made on, the decisions so far, and
 * whether the caller may approve it now ({@code yourApproval}), with the reason if not.
 */
public record PromotionView(UUID id, String model, int version, String targetStage, String state,
                            String justification, String requestedBy, Instant createdAt, Integer replaces,
                            Evidence evidence, boolean gatesPassed, int approvalsRequired, int approvals,
                            List<DecisionView> decisions, Instant decidedAt, String overrideReason,
                            Permission yourApproval) {

    /** Whether the caller may do something now, and why not. */
    public record Permission(boolean allowed, String reason) {

        static Permission granted() {
            return new Permission(true, null);
        }

        static Permission refused(String reason) {
            return new Permission(false, reason);
        }
    }
}
