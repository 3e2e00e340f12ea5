package io.slipway.promotion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A metric gate of a promotion policy: a CEL expression that must be true for a candidate to enter the stages
 * it applies to, e.g. {@code candidate.metrics.accuracy >= production.metrics.accuracy - 0.005}.
 *
 * @param name       a short name, unique in the policy
 * @param expression CEL over {@code candidate.metrics}, {@code candidate.params}, {@code production.metrics},
 *                   {@code production.params}
 * @param stages     the stages it applies to ({@code staging}, {@code production}); empty or absent: production
 */
public record Gate(
        @NotBlank(message = "is required") @Size(max = 63, message = "must be at most 63 characters")
        @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "must be lowercase letters, digits, '-' and '_'")
        String name,
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
        String expression,
        List<@Pattern(regexp = "staging|production", message = "must be 'staging' or 'production'") String> stages) {

    public Gate {
        stages = stages == null || stages.isEmpty() ? List.of("production") : List.copyOf(stages);
    }

    boolean appliesTo(String stage) {
        return stages.contains(stage);
    }
}
