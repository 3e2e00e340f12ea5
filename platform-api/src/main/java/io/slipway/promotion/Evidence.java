package io.slipway.promotion;

import java.util.List;

/**
 * What a promotion request was made on, stored with it: the candidate's metrics and params beside those of the
 * version that held the target stage then (none if it was empty), and each gate's verdict.
 */
public record Evidence(Snapshot candidate, Snapshot current, List<GateVerdict> gates) {

    boolean gatesPassed() {
        return gates.stream().allMatch(GateVerdict::passed);
    }

    /** Why the gates block approval, e.g. "gate accuracy-not-worse: ...", or null if they pass. */
    String gateFailure() {
        return gates.stream().filter(g -> !g.passed()).findFirst()
                .map(g -> "gate " + g.name() + ": " + g.reason()).orElse(null);
    }
}
