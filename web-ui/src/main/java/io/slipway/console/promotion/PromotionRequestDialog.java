package io.slipway.console.promotion;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.RouterLink;
import io.slipway.api.PageRequest;
import io.slipway.console.project.ProjectScope;
import io.slipway.promotion.NewPromotion;
import io.slipway.promotion.PolicyView;
import io.slipway.promotion.PromotionView;
import io.slipway.promotion.Snapshot;
import io.slipway.registry.ModelVersionView;
import io.slipway.registry.ModelView;
import java.util.List;

/**
 * Asking for a version's promotion: the target stage and why, with a preview of the evidence (the candidate's
 * metrics beside the current holder's, and the gates that will be evaluated); once sent, the evidence the service
 * stored with each gate's verdict, and a link to the request.
 */
public final class PromotionRequestDialog extends Dialog {

    private final PromotionActions actions;
    private final ModelVersionView candidate;
    private final Runnable sent;
    private final Select<String> target = new Select<>();
    private final TextArea justification = new TextArea("Justification");
    private final Div preview = new Div();
    private final Button send = new Button("Send request");
    private final Button cancel = new Button("Cancel", e -> close());
    private final PolicyView policy;

    /** @param sent called after the request was stored (the page shows the versions afresh) */
    public PromotionRequestDialog(PromotionActions actions, ModelVersionView candidate, Runnable sent) {
        this.actions = actions;
        this.candidate = candidate;
        this.sent = sent;
        ProjectScope scope = actions.scope();
        this.policy = actions.policies().get(scope.caller(), scope.org(), scope.project());
        setId("promotion-dialog");
        setHeaderTitle("Request promotion of " + candidate.model() + " v" + candidate.version());
        setWidth("52rem");
        setMaxWidth("95vw");
        configureForm();
        Paragraph stageNow = new Paragraph();
        stageNow.add(new Span("Now in "), StageBadge.stage(candidate.stage()));
        stageNow.getStyle().set("margin", "0");
        HorizontalLayout fields = new HorizontalLayout(target, justification);
        fields.setWidthFull();
        fields.expand(justification);
        VerticalLayout body = new VerticalLayout(stageNow, fields, preview);
        body.setPadding(false);
        add(body);
        cancel.setId("promotion-cancel");
        getFooter().add(cancel, send);
        showPreview();
    }

    private void configureForm() {
        target.setLabel("Target stage");
        target.setId("promotion-target");
        target.setItems(List.of("staging", "production"));
        target.setValue("staging".equals(candidate.stage()) ? "production" : "staging");
        target.addValueChangeListener(e -> showPreview());
        target.setWidth("11rem");
        justification.setId("promotion-justification");
        justification.setPlaceholder("Why should this version be promoted? What did you check?");
        justification.setRequired(true);
        justification.setMaxLength(2000);
        justification.setMinHeight("5rem");
        justification.setValueChangeMode(ValueChangeMode.EAGER);
        justification.addValueChangeListener(e -> send.setEnabled(!e.getValue().isBlank()));
        send.setId("promotion-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setEnabled(false);
        send.addClickListener(e -> send());
    }

    private void showPreview() {
        ProjectScope scope = actions.scope();
        String stage = target.getValue();
        ModelView model = actions.models().get(scope.caller(), scope.org(), scope.project(), candidate.model(),
                PageRequest.first(1));
        Integer holder = "production".equals(stage) ? model.production() : model.staging();
        Snapshot current = holder == null || holder == candidate.version() ? null : snapshot(actions.models()
                .version(scope.caller(), scope.org(), scope.project(), candidate.model(), holder));
        preview.removeAll();
        preview.setWidthFull();
        preview.add(EvidenceView.preview(snapshot(candidate), current, policy.gates(), stage, "promotion-preview"));
        preview.add(approvalNote(stage));
    }

    private Paragraph approvalNote(String stage) {
        boolean needsApproval = "production".equals(stage) || policy.stagingRequiresApproval();
        int approvals = "production".equals(stage) ? policy.productionApprovals() : needsApproval ? 1 : 0;
        Paragraph note = new Paragraph(needsApproval
                ? "Needs " + approvals + " approval" + (approvals == 1 ? "" : "s") + " by a manager other than you"
                + " and the version's uploader."
                : "The policy lets " + stage + " move at once when the gates pass.");
        note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("margin", "var(--lumo-space-s) 0 0 0");
        return note;
    }

    private void send() {
        ProjectScope scope = actions.scope();
        PromotionView view = actions.promotions().request(scope.caller(), scope.org(), scope.project(),
                new NewPromotion(candidate.model(), candidate.version(), target.getValue(),
                        justification.getValue().strip()));
        removeAll();
        Paragraph status = new Paragraph();
        status.setId("promotion-sent");
        status.add(new Span("Request sent: " + view.model() + " v" + view.version() + " → " + view.targetStage()
                + " is "), StageBadge.state(view.state()), new Span(view.state().equals("pending")
                ? " (" + view.approvals() + " of " + view.approvalsRequired() + " approvals)." : "."));
        RouterLink open = new RouterLink("Open the request", PromotionDetailView.class,
                PromotionDetailView.parameters(scope.org(), scope.project(), view.id()));
        open.setId("promotion-open-request");
        open.getElement().addEventListener("click", e -> close());
        VerticalLayout body = new VerticalLayout(status, EvidenceView.of(view.evidence(), "promotion-evidence"),
                open);
        body.setPadding(false);
        add(body);
        send.setVisible(false);
        cancel.setText("Close");
        setHeaderTitle("Promotion requested");
        sent.run();
    }

    private static Snapshot snapshot(ModelVersionView version) {
        return new Snapshot(version.version(), version.metrics(), version.params());
    }
}
