package io.slipway.registry;

import io.slipway.auth.Actor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Which version holds which stage, and the history of every change (tenant-scoped). */
public interface StageRepository {

    /** The holder of a single-holder stage, if any. */
    Optional<ModelStage> holder(UUID modelId, Stage stage);

    /** The stage of each of these versions that holds one (others are in development). */
    Map<UUID, Stage> stagesOf(List<UUID> versionIds);

    /** The stage this version holds (development if none). */
    Stage stageOf(UUID versionId);

    /**
     * Moves {@code stage} of the model to {@code version}: the version leaves the stage it held, the previous
     * holder goes to {@code previousHolderTo} (development or archived), and the change is appended to the
     * history with its cause, request, actor and reason. The caller holds the model's lock.
     */
    StageChange move(Model model, Stage stage, ModelVersion version, Stage previousHolderTo, StageChange.Cause cause,
                     Optional<UUID> requestId, Actor actor, Optional<String> reason);

    /** The history of one stage of the model, newest first, below {@code beforeSeq}. */
    List<StageChange> history(UUID modelId, Stage stage, Optional<Integer> beforeSeq, int limit);

    /** The newest change, not a rollback, that made {@code versionNumber} the holder of the stage. */
    Optional<StageChange> lastPromotionTo(UUID modelId, Stage stage, int versionNumber);
}
