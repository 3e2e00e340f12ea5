package io.slipway.console.deployment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.slipway.api.PageRequest;
import io.slipway.api.Slug;
import io.slipway.console.project.ProjectScope;
import io.slipway.deployment.DeploymentRights;
import io.slipway.deployment.DeploymentService;
import io.slipway.deployment.DeploymentView;
import io.slipway.deployment.NewDeployment;
import io.slipway.registry.ModelService;
import io.slipway.registry.ModelSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deploying a model: its name (also its model name on the inference protocol's paths), the model, whether it
 * follows production, follows staging or is pinned to a version, its compute pool, and whether viewers may call it
 * and how many requests' bodies it keeps. Following production is offered only to those
 * who may manage such a deployment; the service checks it again.
 */
final class NewDeploymentDialog extends Dialog {

    static final String PRODUCTION = "Follow production";
    static final String STAGING = "Follow staging";
    static final String PINNED = "Pin a version";

    NewDeploymentDialog(ProjectScope scope, DeploymentService deployments, ModelService models, DeploymentRights rights,
                        Consumer<DeploymentView> created) {
        setId("deployment-dialog");
        setHeaderTitle("New deployment");
        setWidth("32rem");
        TextField name = new TextField("Name");
        name.setId("deployment-name");
        name.setHelperText("Also the model name on the inference paths: a-z, 0-9 and '-'");
        name.setPattern(Slug.PATTERN);
        name.setRequired(true);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        ComboBox<String> model = new ComboBox<>("Model");
        model.setId("deployment-model");
        model.setItems(models.list(scope.caller(), scope.org(), scope.project(), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().map(ModelSummary::name).toList());
        model.setRequired(true);
        Select<String> target = new Select<>();
        target.setId("deployment-target");
        target.setLabel("Serves");
        List<String> targets = new ArrayList<>();
        if (rights.manageProduction()) {
            targets.add(PRODUCTION);
        }
        targets.add(STAGING);
        targets.add(PINNED);
        target.setItems(targets);
        target.setValue(targets.getFirst());
        IntegerField version = new IntegerField("Version");
        version.setId("deployment-version");
        version.setMin(1);
        version.setVisible(false);
        target.addValueChangeListener(e -> version.setVisible(PINNED.equals(e.getValue())));
        Checkbox viewers = new Checkbox("Viewers may call it");
        viewers.setId("deployment-viewers");
        Select<String> pool = new Select<>();
        pool.setId("deployment-pool");
        pool.setLabel("Compute pool");
        pool.setItems(DeploymentService.LOCAL_POOL);
        pool.setValue(DeploymentService.LOCAL_POOL);
        pool.setHelperText("local-cpu serves from the Slipway servers themselves; serving on kubernetes pools comes later");
        IntegerField samples = new IntegerField("Keep the bodies of (% of requests)");
        samples.setId("deployment-payload-samples");
        samples.setHelperText("Payload samples in the request log, cut at 16 KiB; 0 keeps none");
        samples.setMin(0);
        samples.setMax(100);
        samples.setValue(0);
        FormLayout form = new FormLayout(name, model, target, version, pool, viewers, samples);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button create = new Button("Deploy", e -> {
            boolean pinned = PINNED.equals(target.getValue());
            String stage = pinned ? null : PRODUCTION.equals(target.getValue()) ? "production" : "staging";
            double sampleRate = samples.isInvalid() || samples.getValue() == null ? 0.0
                    : Math.clamp(samples.getValue(), 0, 100) / 100.0;
            DeploymentView deployment = deployments.create(scope.caller(), scope.org(), scope.project(),
                    new NewDeployment(name.getValue().strip(), model.getValue(), stage, pinned ? version.getValue() : null,
                            pool.getValue(), null, null, viewers.getValue(), sampleRate));
            close();
            created.accept(deployment);
        });
        create.setId("deployment-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(false);
        Runnable validate = () -> create.setEnabled(Slug.isValid(name.getValue().strip()) && model.getValue() != null
                && (!PINNED.equals(target.getValue()) || version.getValue() != null));
        name.addValueChangeListener(e -> validate.run());
        model.addValueChangeListener(e -> validate.run());
        target.addValueChangeListener(e -> validate.run());
        version.addValueChangeListener(e -> validate.run());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, create);
    }
}
