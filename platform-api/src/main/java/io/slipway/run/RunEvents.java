package io.slipway.run;

import java.util.UUID;

/** What the run feature tells itself once a transaction commits. */
final class RunEvents {

    private RunEvents() {
    }

    /** A run was queued or ended, or a quota changed: admission may have work. */
    record QueueChanged() {
    }

    /** Someone asked for a running run to end. */
    record CancelRequested(UUID runId) {
    }
}
