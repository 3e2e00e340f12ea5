package io.slipway.console.promotion;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.slipway.api.ProblemException;
import io.slipway.console.Times;
import io.slipway.console.project.OpenProject;
import io.slipway.console.project.ProjectLayout;
import io.slipway.console.project.ProjectScope;
import io.slipway.console.project.ProjectSection;
import io.slipway.promotion.DecisionInput;
import io.slipway.promotion.DecisionView;
import io.slipway.promotion.PromotionOverview;
import io.slipway.promotion.PromotionRights;
import io.slipway.promotion.PromotionService;
import io.slipway.promotion.PromotionView;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * One promotion request, at an address of its own (a webhook or an e-mail can point here): who asked and why,
 * the evidence, the decisions so far, and Approve / Reject. Approve is offered to everyone in the project while
 * the request is pending, disabled with the service's reason when the person may not approve it (role, four
 * eyes, gates); where the service allows approving despite failed gates, an override reason is asked for.
 */
@Route(value = "promotions/:id", layout = ProjectLayout.class)
public class PromotionDetailView extends ProjectSection {

    private final PromotionService promotions;
    private final LiveUpdates live;
    private ProjectScope scope;
    private String id;

    @Inject
    public PromotionDetailView(PromotionService promotions, PromotionOverview overview) {
        super("Promotion request");
        this.promotions = promotions;
        this.live = new LiveUpdates(this, overview, this::reload);
    }

    public static RouteParameters parameters(String org, String project, UUID id) {
        return new RouteParameters(Map.of("org", org, "project", project, "id", id.toString()));
    }

    @Override
    protected void show(OpenProject project, BeforeEnterEvent event) {
        scope = project.scope();
        id = event.getRouteParameters().get("id").orElseThrow();
        reload();
        live.follow(scope);
    }

    private void reload() {
        removeAll();
        RouterLink back = new RouterLink("← All promotion requests", PromotionsView.class,
                ProjectLayout.parameters(scope.org(), scope.project()));
        back.setId("back-to-inbox");
        back.getStyle().set("font-size", "var(--lumo-font-size-s)");
        add(back);
        PromotionView request;
        try {
            request = promotions.get(scope.caller(), scope.org(), scope.project(), id);
        } catch (ProblemException e) {
            add(new H3("Promotion request not available"), new Paragraph(e.getMessage()));
            return;
        }
        PromotionRights rights = promotions.rights(scope.caller(), scope.org(), scope.project());
        add(title(request), request(request), EvidenceView.of(request.evidence(), "request-evidence"),
                decisions(request));
        if ("pending".equals(request.state())) {
            add(decisionForm(request, rights));
        }
    }

    private HorizontalLayout title(PromotionView request) {
        H3 title = new H3(request.model() + " v" + request.version() + " → " + request.targetStage());
        title.setId("request-title");
        title.getStyle().set("margin", "0");
        Span state = StageBadge.state(request.state());
        state.setId("request-state");
        HorizontalLayout line = new HorizontalLayout(title, state);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return line;
    }

    private Div request(PromotionView request) {
        Paragraph asked = new Paragraph("Requested by " + request.requestedBy() + " on "
                + Times.format(request.createdAt()) + (request.replaces() == null ? "; nothing holds "
                + request.targetStage() + " yet." : "; replaces v" + request.replaces() + " in "
                + request.targetStage() + "."));
        asked.setId("request-asked");
        asked.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");
        Div why = new Div(new Span(request.justification()));
        why.setId("request-justification");
        why.getStyle().set("border-left", "3px solid var(--lumo-primary-color-50pct)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)").set("margin", "var(--lumo-space-s) 0")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "0 var(--lumo-border-radius-m)"
                        + " var(--lumo-border-radius-m) 0");
        Paragraph approvals = new Paragraph(request.approvals() + " of " + request.approvalsRequired()
                + " approval" + (request.approvalsRequired() == 1 ? "" : "s") + (request.decidedAt() == null ? ""
                : "; decided " + Times.format(request.decidedAt())) + (request.overrideReason() == null ? ""
                : "; gates overridden: " + request.overrideReason()));
        approvals.setId("request-approvals");
        approvals.getStyle().set("margin", "0");
        return new Div(asked, why, approvals);
    }

    private VerticalLayout decisions(PromotionView request) {
        H4 heading = new H4("Decisions");
        heading.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        VerticalLayout section = new VerticalLayout(heading);
        section.setPadding(false);
        section.setSpacing(false);
        if (request.decisions().isEmpty()) {
            Paragraph none = new Paragraph("No decisions yet.");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
            section.add(none);
            return section;
        }
        UnorderedList list = new UnorderedList();
        list.setId("request-decisions");
        list.getStyle().set("margin", "0");
        for (DecisionView decision : request.decisions()) {
            boolean approves = "approve".equals(decision.decision());
            Span verdict = new Span(approves ? "approved" : "rejected");
            verdict.getElement().getThemeList().add(approves ? "badge success" : "badge error");
            Span who = new Span(" by " + decision.by() + " · " + Times.format(decision.at())
                    + (decision.comment() == null ? "" : ": “" + decision.comment() + "”"));
            list.add(new ListItem(verdict, who));
        }
        section.add(list);
        return section;
    }

    private VerticalLayout decisionForm(PromotionView request, PromotionRights rights) {
        H4 heading = new H4("Your decision");
        heading.getStyle().set("margin", "var(--lumo-space-m) 0 0 0");
        TextArea comment = new TextArea("Comment");
        comment.setId("decision-comment");
        comment.setWidthFull();
        comment.setMaxLength(2000);
        comment.setValueChangeMode(ValueChangeMode.EAGER);
        comment.setPlaceholder("What you checked, or why not (required to reject)");
        TextArea override = new TextArea("Override reason");
        override.setId("decision-override");
        override.setWidthFull();
        override.setMaxLength(2000);
        override.setValueChangeMode(ValueChangeMode.EAGER);
        override.setHelperText("The gates failed; as a project admin you may approve anyway, saying why.");
        boolean overriding = !request.gatesPassed() && request.yourApproval().allowed();
        override.setVisible(overriding);
        Button approve = new Button("Approve", VaadinIcon.CHECK.create(), e -> {
            PromotionView decided = promotions.approve(scope.caller(), scope.org(), scope.project(), id,
                    new DecisionInput(comment.getValue(), overriding ? override.getValue() : null));
            decided(decided, "Your approval is recorded");
        });
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.setEnabled(request.yourApproval().allowed());
        HorizontalLayout buttons = new HorizontalLayout(approve);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (rights.decide()) {
            Button reject = new Button("Reject", VaadinIcon.CLOSE.create(), e -> {
                PromotionView decided = promotions.reject(scope.caller(), scope.org(), scope.project(), id,
                        new DecisionInput(comment.getValue(), null));
                decided(decided, "Your rejection is recorded");
            });
            reject.setId("reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(reject);
        }
        if (!request.yourApproval().allowed()) {
            approve.setTooltipText(request.yourApproval().reason());
            Span why = new Span(request.yourApproval().reason());
            why.setId("approve-refusal");
            why.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            buttons.add(why);
        }
        VerticalLayout form = new VerticalLayout(heading);
        form.setPadding(false);
        form.setSpacing(false);
        form.getStyle().set("gap", "var(--lumo-space-xs)").set("max-width", "48rem");
        if (request.yourApproval().allowed() || rights.decide()) {
            form.add(comment, override);
        }
        form.add(buttons);
        return form;
    }

    private void decided(PromotionView decided, String what) {
        Notification.show(what + ": " + decided.model() + " v" + decided.version() + " → " + decided.targetStage()
                        + " is " + decided.state() + ".", 5000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        reload();
    }
}
