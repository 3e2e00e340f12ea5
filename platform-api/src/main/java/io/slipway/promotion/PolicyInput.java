package io.slipway.promotion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A promotion policy as {@code PUT .../policy} takes it; every field is required, so what is saved is exactly
 * what was sent.
 *
 * @param stagingRequiresApproval whether a request for staging needs a manager's approval (else it moves at once)
 * @param productionApprovals     how many managers must approve a request for production (1 to 5)
 * @param previousHolderTo        where the version a promotion displaces goes: {@code development} or
 *                                {@code archived}
 * @param gates                   metric gates in CEL (see {@link Gate})
 * @param gatesWithoutProduction  {@code pass} or {@code fail}: what a gate that reads {@code production} says
 *                                while nothing holds production
 * @param adminOverride           whether a project admin may approve a request whose gates failed, with a
 *                                written reason
 */
public record PolicyInput(
        @NotNull(message = "is required") Boolean stagingRequiresApproval,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
        @Max(value = 5, message = "must be at most 5") Integer productionApprovals,
        @NotNull(message = "is required")
        @Pattern(regexp = "development|archived", message = "must be 'development' or 'archived'")
        String previousHolderTo,
        @NotNull(message = "is required") @Size(max = 20, message = "at most 20 gates") List<@Valid Gate> gates,
        @NotNull(message = "is required") @Pattern(regexp = "pass|fail", message = "must be 'pass' or 'fail'")
        String gatesWithoutProduction,
        @NotNull(message = "is required") Boolean adminOverride) {
}
