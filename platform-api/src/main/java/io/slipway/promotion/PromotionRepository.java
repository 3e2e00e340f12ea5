package io.slipway.promotion;

import io.slipway.registry.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Promotion requests, their decisions and the projects' policies (tenant-scoped). */
public interface PromotionRepository {

    Optional<PromotionRequest> find(UUID projectId, UUID id);

    /** A project's requests, newest first, created before {@code before}, optionally in one state. */
    List<PromotionRequest> page(UUID projectId, Optional<PromotionRequest.State> state, Optional<Instant> before,
                                int limit);

    /** Pending requests for this stage of the model. */
    List<PromotionRequest> pending(UUID modelId, Stage stage);

    void store(PromotionRequest request);

    /** Reads the request's row again (after taking its model's lock). */
    void refresh(PromotionRequest request);

    List<PromotionDecision> decisions(UUID requestId);

    void store(PromotionDecision decision);

    Optional<PromotionPolicy> policy(UUID projectId);

    void store(PromotionPolicy policy);
}
