package io.slipway.promotion;

import java.util.Map;

/**
 * What a gate said about a candidate: whether it passed, why not, and every value it read (by path, e.g.
 * {@code candidate.metrics.accuracy}; null where the value is missing).
 */
public record GateVerdict(String name, String expression, boolean passed, String reason, Map<String, Object> values) {
}
