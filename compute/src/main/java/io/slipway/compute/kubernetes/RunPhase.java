package io.slipway.compute.kubernetes;

/** Where a run's Job stands, as Slipway's run states name it. */
public enum RunPhase {
    QUEUED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT
}
