package io.slipway.run;

import java.util.Map;

/**
 * What a run reports with its token ({@code POST /run-api/v1/runs/{id}/metrics}): metric values at a step (the
 * next step after the last reported when left out).
 */
public record RunReport(Long step, Map<String, Double> metrics) {
}
