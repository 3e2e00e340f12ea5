package io.slipway.console.promotion;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
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
import io.slipway.api.PageRequest;
import io.slipway.console.Times;
import io.slipway.console.project.ProjectScope;
import io.slipway.promotion.StageChangeView;
import io.slipway.registry.ModelView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A model's stages: which version holds staging and production (with Roll back for those who may), and the
 * history of both stages as one timeline, newest first: who, when, from → to, cause and reason.
 */
public final class StagePanel extends Composite<VerticalLayout> {

    private static final int HISTORY = 25;

    private final PromotionActions actions;
    private final Runnable changed;
    private final HorizontalLayout holders = new HorizontalLayout();
    private final UnorderedList timeline = new UnorderedList();
    private final Paragraph empty = new Paragraph("No stage changes yet: request a promotion of a version.");

    /** @param changed called after a rollback (the page shows the versions afresh) */
    public StagePanel(PromotionActions actions, Runnable changed) {
        this.actions = actions;
        this.changed = changed;
        holders.setId("stage-holders");
        holders.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        timeline.setId("stage-history");
        timeline.getStyle().set("list-style", "none").set("margin", "0").set("padding", "0 0 0 var(--lumo-space-s)")
                .set("border-left", "2px solid var(--lumo-contrast-10pct)");
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        H4 history = new H4("Stage history");
        history.getStyle().set("margin", "var(--lumo-space-m) 0 0 0");
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().getStyle().set("gap", "var(--lumo-space-s)");
        getContent().add(holders, history, empty, timeline);
        getContent().setVisible(false);
    }

    /** Shows the model's stage holders and history, read afresh. */
    public void show(ModelView model) {
        ProjectScope scope = actions.scope();
        holders.removeAll();
        holders.add(holder(model.name(), "production", model.production()),
                holder(model.name(), "staging", model.staging()));
        List<StageChangeView> changes = new ArrayList<>();
        for (String stage : List.of("production", "staging")) {
            changes.addAll(actions.stages().history(scope.caller(), scope.org(), scope.project(), model.name(),
                    stage, PageRequest.first(HISTORY)).items());
        }
        changes.sort(Comparator.comparing(StageChangeView::at).reversed());
        timeline.removeAll();
        changes.stream().limit(HISTORY).map(StagePanel::entry).forEach(timeline::add);
        empty.setVisible(changes.isEmpty());
        getContent().setVisible(true);
    }

    private HorizontalLayout holder(String model, String stage, Integer version) {
        Span label = new Span(Character.toUpperCase(stage.charAt(0)) + stage.substring(1) + ":");
        label.getStyle().set("font-weight", "600");
        HorizontalLayout line = new HorizontalLayout(label, StageBadge.holder(stage, version));
        line.setId("holder-" + stage);
        line.setSpacing(true);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (version != null && actions.rights().rollBack()) {
            Button rollBack = new Button("Roll back", VaadinIcon.ARROW_BACKWARD.create(), e ->
                    new RollbackDialog(actions, model, stage, version, change -> {
                        Notification.show("Rolled back " + stage + " of " + model + " to version "
                                        + change.toVersion() + ".", 5000, Notification.Position.BOTTOM_END)
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        changed.run();
                    }).open());
            rollBack.setId("rollback-" + stage);
            rollBack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            line.add(rollBack);
        }
        line.getStyle().set("margin-right", "var(--lumo-space-l)");
        return line;
    }

    private static ListItem entry(StageChangeView change) {
        Span moved = new Span(version(change.fromVersion()) + " → " + version(change.toVersion()));
        moved.getStyle().set("font-weight", "600");
        Span cause = new Span(change.cause());
        cause.getElement().getThemeList().add("rollback".equals(change.cause()) ? "badge error"
                : "override".equals(change.cause()) ? "badge contrast" : "badge success");
        Span who = new Span("by " + change.actor().name() + ("person".equals(change.actor().kind()) ? ""
                : " (" + change.actor().kind() + ")") + " · " + Times.format(change.at()));
        who.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout line = new HorizontalLayout(StageBadge.stage(change.stage()), moved, cause, who);
        line.setSpacing(true);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        ListItem item = new ListItem(line);
        item.addClassName("stage-change");
        item.getStyle().set("padding", "var(--lumo-space-xs) 0 var(--lumo-space-xs) var(--lumo-space-s)");
        if (change.reason() != null && !change.reason().isBlank()) {
            Div reason = new Div(new Span("“" + change.reason() + "”"));
            reason.addClassName("stage-change-reason");
            reason.getStyle().set("font-style", "italic").set("padding-left", "var(--lumo-space-s)")
                    .set("color", "var(--lumo-body-text-color)");
            item.add(reason);
        }
        return item;
    }

    private static String version(Integer version) {
        return version == null ? "none" : "v" + version;
    }
}
