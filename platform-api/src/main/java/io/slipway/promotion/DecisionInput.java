package io.slipway.promotion;

import jakarta.validation.constraints.Size;

/**
 * {@code POST .../promotions/{id}/approve|reject}.
 *
 * @param comment        what the decider says (required to reject)
 * @param overrideReason only to approve a request whose gates failed, by a project admin where the policy
 *                       allows it: why the gates should not hold this time
 */
public record DecisionInput(
        @Size(max = 2000, message = "must be at most 2000 characters") String comment,
        @Size(max = 2000, message = "must be at most 2000 characters") String overrideReason) {
}
