package io.slipway.promotion;

import io.slipway.api.FieldError;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A project's promotion policy: read by anyone in the project, set by its admins; gates must compile. */
@ApplicationScoped
public class PolicyService {

    private final ProjectAccess access;
    private final PromotionRepository promotions;
    private final AuditLog audit;

    @Inject
    public PolicyService(ProjectAccess access, PromotionRepository promotions, AuditLog audit) {
        this.access = access;
        this.promotions = promotions;
        this.audit = audit;
    }

    protected PolicyService() {
        this(null, null, null);
    }

    public PolicyView get(Caller caller, String orgSlug, String projectSlug) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROMOTION_POLICY_READ, context ->
                Promotions.policy(promotions, context).view());
    }

    /** Replaces the policy; a gate that does not compile is refused naming the gate and the position. */
    public PolicyView update(Caller caller, String orgSlug, String projectSlug, PolicyInput input) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROMOTION_POLICY_UPDATE, context -> {
            requireValidGates(input.gates());
            Optional<PromotionPolicy> stored = promotions.policy(context.project().id());
            PromotionPolicy policy = stored.orElseGet(() -> PromotionPolicy.defaults(context.project().id()));
            PolicyView before = policy.view();
            policy.change(input, Instant.now().truncatedTo(ChronoUnit.MICROS), caller.userId(), caller.username());
            if (stored.isEmpty()) {
                promotions.store(policy);
            }
            PolicyView after = policy.view();
            audit.record(context.orgId(), caller, context.auditEntry("promotion-policy.updated",
                    "promotion-policy", "policy", before, after));
            return after;
        });
    }

    private static void requireValidGates(List<Gate> gates) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < gates.size(); i++) {
            Gate gate = gates.get(i);
            if (!names.add(gate.name())) {
                errors.add(new FieldError("gates[" + i + "].name", "another gate is named '" + gate.name() + "'"));
            }
            int index = i;
            MetricGates.problem(gate).ifPresent(problem -> errors.add(new FieldError(
                    "gates[" + index + "].expression", "gate '" + gate.name() + "' does not compile: " + problem)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-gate", errors.get(0).message() + ".",
                    errors.toArray(FieldError[]::new));
        }
    }
}
