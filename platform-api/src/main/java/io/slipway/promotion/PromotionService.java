package io.slipway.promotion;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import io.slipway.project.ProjectContext;
import io.slipway.registry.Model;
import io.slipway.registry.ModelRepository;
import io.slipway.registry.ModelStage;
import io.slipway.registry.ModelVersion;
import io.slipway.registry.Stage;
import io.slipway.registry.StageChange;
import io.slipway.registry.StageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Promotion requests and decisions. A request stores its evidence when it is made; a manager other than the
 * requester and the version's uploader approves it (four eyes); when the approvals reach the policy's count the
 * stage moves in the same transaction. Everything that touches a model's stages holds the model's lock, so of
 * racing approvals for one stage exactly one wins and the others find their request superseded (409).
 */
@ApplicationScoped
public class PromotionService {

    private static final String ROLE_NEEDED = "Approving needs the manager role in this project.";

    private final ProjectAccess access;
    private final ModelRepository models;
    private final StageRepository stages;
    private final PromotionRepository promotions;
    private final StageTransitions transitions;
    private final AuditLog audit;
    private final PromotionEvents events;
    private final Event<PromotionChanged> changed;

    @Inject
    public PromotionService(ProjectAccess access, ModelRepository models, StageRepository stages,
                            PromotionRepository promotions, StageTransitions transitions, AuditLog audit,
                            PromotionEvents events, Event<PromotionChanged> changed) {
        this.access = access;
        this.models = models;
        this.stages = stages;
        this.promotions = promotions;
        this.transitions = transitions;
        this.audit = audit;
        this.events = events;
        this.changed = changed;
    }

    protected PromotionService() {
        this(null, null, null, null, null, null, null, null);
    }

    /** What the caller may do with promotions in this project (the console asks instead of reading roles). */
    public PromotionRights rights(Caller caller, String orgSlug, String projectSlug) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROMOTION_READ, context ->
                new PromotionRights(context.may(Operation.PROMOTION_REQUEST), context.may(Operation.PROMOTION_DECIDE),
                        context.may(Operation.STAGE_ROLLBACK), context.may(Operation.PROMOTION_POLICY_UPDATE)));
    }

    public PromotionView request(Caller caller, String orgSlug, String projectSlug, NewPromotion input) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROMOTION_REQUEST, context -> {
            Stage target = Stage.fromLabel(input.targetStage()).orElseThrow();
            Model model = models.lock(Promotions.model(models, context, input.model()));
            ModelVersion version = Promotions.version(models, model, input.version());
            Optional<ModelStage> holder = stages.holder(model.id(), target);
            if (holder.isPresent() && holder.get().versionId().equals(version.id())) {
                throw ProblemException.conflict("already-in-stage", "Version " + version.number() + " of "
                        + model.name() + " holds " + target.label() + " already.");
            }
            promotions.pending(model.id(), target).stream().filter(r -> r.versionId().equals(version.id()))
                    .findFirst().ifPresent(r -> {
                        throw ProblemException.conflict("already-requested", "Version " + version.number()
                                + " of " + model.name() + " is waiting for " + target.label() + " already: request "
                                + r.id() + ".");
                    });
            PromotionPolicy policy = Promotions.policy(promotions, context);
            Snapshot candidate = Promotions.snapshot(version);
            Optional<Snapshot> current = holder.map(h -> Promotions.snapshot(
                    models.findVersionById(h.versionId()).orElseThrow()));
            Optional<Snapshot> production = target == Stage.PRODUCTION ? current
                    : stages.holder(model.id(), Stage.PRODUCTION).map(h -> Promotions.snapshot(
                            models.findVersionById(h.versionId()).orElseThrow()));
            Evidence evidence = new Evidence(candidate, current.orElse(null), MetricGates.evaluate(policy.gates(),
                    target.label(), candidate, production, policy.gatesPassWithoutProduction()));
            Instant now = now();
            PromotionRequest request = new PromotionRequest(context.project().id(), model.id(), version.id(),
                    version.number(), target, input.justification().strip(), current.map(Snapshot::version),
                    evidence, policy.approvalsFor(target), caller.userId(), caller.username(), now);
            promotions.store(request);
            audit.record(context.orgId(), caller, context.auditEntry("promotion.requested", "promotion",
                    "promotions/" + request.id(), null, Map.of("model", model.name(), "version", version.number(),
                            "targetStage", target.label(), "justification", request.justification(),
                            "gatesPassed", request.gatesPassed())));
            events.request(context, "promotion.requested", model.name(), request, caller.username(), null);
            if (request.approvalsRequired() == 0 && request.gatesPassed()) {
                transitions.move(context, model, target, version, policy, StageChange.Cause.PROMOTION,
                        Optional.of(request.id()), caller, Optional.of(request.justification()));
                request.decide(PromotionRequest.State.APPROVED, now, Optional.empty());
                events.request(context, "promotion.approved", model.name(), request, caller.username(),
                        "no approval needed for " + target.label());
            }
            changed.fire(new PromotionChanged(context.orgId(), context.project().id(), request.id()));
            return view(context, model, version, request, List.of());
        });
    }

    public Page<PromotionView> list(Caller caller, String orgSlug, String projectSlug, Optional<String> state,
                                    PageRequest page) {
        Optional<PromotionRequest.State> wanted = state.filter(s -> !s.isBlank()).map(s -> PromotionRequest.State
                .fromLabel(s).orElseThrow(() -> ProblemException.invalidField("state",
                        "must be one of pending, approved, rejected, superseded")));
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROMOTION_READ, context ->
                Page.of(promotions.page(context.project().id(), wanted, page.afterInstant(), page.fetchSize()),
                        page, r -> r.createdAt().toString()).map(r -> view(context, r)));
    }

    public PromotionView get(Caller caller, String orgSlug, String projectSlug, String id) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROMOTION_READ, context ->
                view(context, find(context, id)));
    }

    /**
     * Approves: 403 with every reason that forbids it (role, four eyes, gates); 409 if it is no longer pending.
     * Anyone in the project is told why they may not; outsiders get 404.
     */
    public PromotionView approve(Caller caller, String orgSlug, String projectSlug, String id, DecisionInput input) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROMOTION_READ, context -> {
            if (!context.may(Operation.PROMOTION_DECIDE)) {
                throw ProblemException.forbidden(Promotions.parse(id)
                        .flatMap(uuid -> promotions.find(context.project().id(), uuid))
                        .flatMap(r -> refusal(context, r, models.findVersionById(r.versionId()).orElseThrow(),
                                promotions.decisions(r.id()), false))
                        .orElse(ROLE_NEEDED));
            }
            PromotionRequest request = find(context, id);
            Model model = models.lock(models.findById(request.modelId()).orElseThrow());
            promotions.refresh(request); // as it is now that this transaction holds the model
            ModelVersion version = models.findVersionById(request.versionId()).orElseThrow();
            requirePending(request);
            Optional<String> override = Optional.ofNullable(input.overrideReason()).map(String::strip)
                    .filter(r -> !r.isEmpty());
            List<PromotionDecision> decisions = promotions.decisions(request.id());
            refusal(context, request, version, decisions, override.isPresent()).ifPresent(reason -> {
                throw ProblemException.forbidden(reason);
            });
            Optional<Integer> holder = stages.holder(model.id(), request.targetStage())
                    .map(ModelStage::versionNumber);
            if (!holder.equals(request.baseVersion())) {
                throw ProblemException.conflict("stage-changed", "The " + request.targetStage().label()
                        + " stage changed since this request was made (it now holds " + holder.map(v -> "version " + v)
                        .orElse("no version") + "); make a new request.");
            }
            Instant now = now();
            PromotionDecision decision = new PromotionDecision(request.id(), true, caller, comment(input), now);
            promotions.store(decision);
            audit.record(context.orgId(), caller, context.auditEntry("promotion.approved", "promotion",
                    "promotions/" + request.id(), null, Map.of("comment", String.valueOf(comment(input)),
                            "override", override.orElse(""))));
            List<PromotionDecision> all = promotions.decisions(request.id());
            long approvals = all.stream().filter(PromotionDecision::approves).count();
            if (approvals >= request.approvalsRequired()) {
                PromotionPolicy policy = Promotions.policy(promotions, context);
                StageChange.Cause cause = request.gatesPassed() ? StageChange.Cause.PROMOTION
                        : StageChange.Cause.OVERRIDE;
                transitions.move(context, model, request.targetStage(), version, policy, cause,
                        Optional.of(request.id()), caller, Optional.of(override.orElse(request.justification())));
                request.decide(PromotionRequest.State.APPROVED, now, override);
            }
            events.request(context, "promotion.approved", model.name(), request, caller.username(), comment(input));
            changed.fire(new PromotionChanged(context.orgId(), context.project().id(), request.id()));
            return view(context, model, version, request, all);
        });
    }

    /** Rejects with a comment; 409 if it is no longer pending. */
    public PromotionView reject(Caller caller, String orgSlug, String projectSlug, String id, DecisionInput input) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.PROMOTION_DECIDE, context -> {
            PromotionRequest request = find(context, id);
            Model model = models.lock(models.findById(request.modelId()).orElseThrow());
            promotions.refresh(request);
            requirePending(request);
            String comment = Optional.ofNullable(comment(input)).orElseThrow(() -> ProblemException.invalidField(
                    "comment", "is required to reject: say why"));
            Instant now = now();
            promotions.store(new PromotionDecision(request.id(), false, caller, comment, now));
            request.decide(PromotionRequest.State.REJECTED, now, Optional.empty());
            audit.record(context.orgId(), caller, context.auditEntry("promotion.rejected", "promotion",
                    "promotions/" + request.id(), null, Map.of("comment", comment)));
            events.request(context, "promotion.rejected", model.name(), request, caller.username(), comment);
            changed.fire(new PromotionChanged(context.orgId(), context.project().id(), request.id()));
            return view(context, model, models.findVersionById(request.versionId()).orElseThrow(), request,
                    promotions.decisions(request.id()));
        });
    }

    /**
     * Why the caller may not approve this request now (every reason that applies, the role and four eyes
     * first), or empty: the console shows it before the click.
     */
    private Optional<String> refusal(ProjectContext context, PromotionRequest request, ModelVersion version,
                                     List<PromotionDecision> decisions, boolean overriding) {
        Optional<String> fourEyes = FourEyes.refusal(context.caller(), request, version);
        if (!context.may(Operation.PROMOTION_DECIDE)) {
            return Optional.of(ROLE_NEEDED + fourEyes.map(r -> " " + r).orElse(""));
        }
        if (fourEyes.isPresent()) {
            return fourEyes;
        }
        if (decisions.stream().anyMatch(d -> d.actorId().equals(context.caller().userId()))) {
            return Optional.of("You decided on this request already.");
        }
        if (!request.gatesPassed()) {
            String failure = request.evidence().gateFailure();
            PromotionPolicy policy = Promotions.policy(promotions, context);
            if (!policy.adminOverride()) {
                return Optional.of("The gates failed (" + failure + "), and the policy allows no override.");
            }
            if (!context.may(Operation.PROMOTION_OVERRIDE)) {
                return Optional.of("The gates failed (" + failure + "); only a project admin may override them.");
            }
            if (!overriding) {
                return Optional.of("The gates failed (" + failure + "); an admin may override them with a"
                        + " written reason (overrideReason).");
            }
        }
        return Optional.empty();
    }

    private static void requirePending(PromotionRequest request) {
        if (request.state() != PromotionRequest.State.PENDING) {
            throw ProblemException.conflict("promotion-" + request.state().label(), "This request is "
                    + request.state().label() + " already" + (request.state() == PromotionRequest.State.SUPERSEDED
                    ? ": the stage changed before it was decided; make a new request." : "."));
        }
    }

    private PromotionRequest find(ProjectContext context, String id) {
        return Promotions.parse(id).flatMap(uuid -> promotions.find(context.project().id(), uuid))
                .orElseThrow(() -> ProblemException.notFound("No promotion request " + id + " in project '"
                        + context.project().slug() + "'."));
    }

    private PromotionView view(ProjectContext context, PromotionRequest request) {
        Model model = models.findById(request.modelId()).orElseThrow();
        ModelVersion version = models.findVersionById(request.versionId()).orElseThrow();
        return view(context, model, version, request, promotions.decisions(request.id()));
    }

    private PromotionView view(ProjectContext context, Model model, ModelVersion version, PromotionRequest request,
                               List<PromotionDecision> decisions) {
        PromotionView.Permission yours = request.state() != PromotionRequest.State.PENDING
                ? PromotionView.Permission.refused("This request is " + request.state().label() + ".")
                : refusal(context, request, version, decisions, true).map(PromotionView.Permission::refused)
                .orElse(PromotionView.Permission.granted());
        return new PromotionView(request.id(), model.name(), request.versionNumber(), request.targetStage().label(),
                request.state().label(), request.justification(), request.requestedByName(), request.createdAt(),
                request.baseVersion().orElse(null), request.evidence(), request.gatesPassed(),
                request.approvalsRequired(), (int) decisions.stream().filter(PromotionDecision::approves).count(),
                decisions.stream().map(PromotionDecision::view).toList(), request.decidedAt().orElse(null),
                request.overrideReason().orElse(null), yours);
    }

    private static String comment(DecisionInput input) {
        return Optional.ofNullable(input.comment()).map(String::strip).filter(c -> !c.isEmpty()).orElse(null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
