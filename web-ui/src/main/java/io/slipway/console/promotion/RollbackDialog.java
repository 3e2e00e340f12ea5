package io.slipway.console.promotion;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.slipway.console.project.ProjectScope;
import io.slipway.promotion.RollbackInput;
import io.slipway.promotion.StageChangeView;
import java.util.function.Consumer;

/** Confirming a rollback of one stage of a model, with the reason the history will keep. */
public final class RollbackDialog extends Dialog {

    public RollbackDialog(PromotionActions actions, String model, String stage, int holder,
                   Consumer<StageChangeView> rolledBack) {
        setId("rollback-dialog");
        setHeaderTitle("Roll back " + stage + " of " + model);
        setWidth("34rem");
        Paragraph what = new Paragraph("Version " + holder + " leaves " + stage + " at once, and the version that "
                + "held " + stage + " before it takes it again. Deployments of " + stage + " switch with it.");
        what.getStyle().set("margin-top", "0");
        TextArea reason = new TextArea("Reason");
        reason.setId("rollback-reason");
        reason.setWidthFull();
        reason.setRequired(true);
        reason.setMaxLength(2000);
        reason.setPlaceholder("What is wrong with version " + holder + "?");
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        add(what, reason);
        Button confirm = new Button("Roll back", e -> {
            ProjectScope scope = actions.scope();
            StageChangeView change = actions.stages().rollback(scope.caller(), scope.org(), scope.project(), model,
                    stage, new RollbackInput(reason.getValue().strip()));
            close();
            rolledBack.accept(change);
        });
        confirm.setId("rollback-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        reason.addValueChangeListener(e -> confirm.setEnabled(!e.getValue().isBlank()));
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, confirm);
    }
}
