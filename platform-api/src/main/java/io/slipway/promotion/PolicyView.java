package io.slipway.promotion;

import java.time.Instant;
import java.util.List;

/** A project's promotion policy as the API shows it ({@code updatedAt} absent: the defaults). */
public record PolicyView(boolean stagingRequiresApproval, int productionApprovals, String previousHolderTo,
                         List<Gate> gates, String gatesWithoutProduction, boolean adminOverride, Instant updatedAt,
                         String updatedBy) {
}
