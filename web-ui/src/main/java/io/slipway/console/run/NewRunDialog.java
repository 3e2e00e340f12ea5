package io.slipway.console.run;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.slipway.api.PageRequest;
import io.slipway.api.Slug;
import io.slipway.console.project.ProjectScope;
import io.slipway.dataset.DatasetService;
import io.slipway.dataset.DatasetSummary;
import io.slipway.pool.PoolBackend;
import io.slipway.pool.PoolDefinition;
import io.slipway.pool.PoolSeeding;
import io.slipway.pool.PoolService;
import io.slipway.pool.PoolView;
import io.slipway.run.NewRun;
import io.slipway.run.RunService;
import io.slipway.run.RunView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starting a run: the built-in trainer (a CSV dataset version, its target column, the model its output becomes) or
 * a command (one argument per line, no shell), on a pool, with CPUs, memory and a timeout. The service checks it all
 * again; what it refuses is shown as it says it.
 */
final class NewRunDialog extends Dialog {

    static final String TRAINER = "Built-in trainer";
    static final String COMMAND = "Command";

    NewRunDialog(ProjectScope scope, RunService runs, PoolService pools, DatasetService datasets,
                 Consumer<RunView> started) {
        setId("run-dialog");
        setHeaderTitle("New run");
        setWidth("34rem");
        TextField name = new TextField("Name");
        name.setId("run-name");
        name.setMaxLength(128);
        RadioButtonGroup<String> kind = new RadioButtonGroup<>("Runs");
        kind.setId("run-kind");
        kind.setItems(TRAINER, COMMAND);
        kind.setValue(TRAINER);
        Select<String> dataset = new Select<>();
        dataset.setId("run-dataset");
        dataset.setLabel("Dataset version (CSV)");
        dataset.setItems(datasetVersions(scope, datasets));
        TextField target = new TextField("Target column");
        target.setId("run-target");
        target.setValueChangeMode(ValueChangeMode.EAGER);
        TextField model = new TextField("Output model");
        model.setId("run-model");
        model.setHelperText("model.onnx becomes the next version of this model");
        model.setPattern(Slug.PATTERN);
        model.setValueChangeMode(ValueChangeMode.EAGER);
        TextArea command = new TextArea("Command");
        command.setId("run-command");
        command.setHelperText("The program and its arguments, one per line (no shell)");
        command.setVisible(false);
        command.setValueChangeMode(ValueChangeMode.EAGER);
        Select<String> pool = new Select<>();
        pool.setId("run-pool");
        pool.setLabel("Compute pool");
        // the pools this server runs work on (local ones, until the kubernetes backend is wired in), local-cpu first
        List<String> trainingPools = pools.list(scope.caller()).stream()
                .filter(p -> p.purposes().contains(PoolDefinition.TRAINING))
                .filter(p -> p.backend().equals(PoolBackend.LOCAL.label()))
                .map(PoolView::name)
                .sorted(java.util.Comparator.comparing((String poolName) -> !poolName.equals(PoolSeeding.LOCAL_CPU))
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .toList();
        pool.setItems(trainingPools);
        if (!trainingPools.isEmpty()) {
            pool.setValue(trainingPools.getFirst());
        }
        NumberField cpus = new NumberField("CPUs");
        cpus.setId("run-cpus");
        cpus.setValue(1.0);
        cpus.setMin(0.01);
        IntegerField memory = new IntegerField("Memory (MiB)");
        memory.setId("run-memory");
        memory.setValue(1024);
        IntegerField timeout = new IntegerField("Timeout (minutes)");
        timeout.setId("run-timeout");
        timeout.setValue(60);
        timeout.setMin(1);
        kind.addValueChangeListener(e -> {
            boolean trainer = TRAINER.equals(e.getValue());
            dataset.setVisible(trainer);
            target.setVisible(trainer);
            model.setVisible(trainer);
            command.setVisible(!trainer);
        });
        FormLayout form = new FormLayout(name, kind, dataset, target, model, command, pool, cpus, memory, timeout);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 3));
        form.setColspan(name, 3);
        form.setColspan(kind, 3);
        form.setColspan(dataset, 3);
        form.setColspan(target, 3);
        form.setColspan(model, 3);
        form.setColspan(command, 3);
        form.setColspan(pool, 3);
        add(form);

        Button start = new Button("Start", e -> {
            boolean trainer = TRAINER.equals(kind.getValue());
            List<String> program = trainer
                    ? List.of("slipway-train", "tabular", "--target", target.getValue().strip())
                    : command.getValue().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            NewRun run = new NewRun(name.getValue().isBlank() ? null : name.getValue().strip(), pool.getValue(),
                    program, null, null, null, trainer ? List.of(dataset.getValue()) : null, null,
                    new NewRun.RunResources(cpus.getValue(), memory.getValue() == null ? null
                            : memory.getValue().longValue(), 0),
                    timeout.getValue() == null ? null : timeout.getValue() * 60L,
                    trainer ? List.of(new NewRun.Output("model.onnx", model.getValue().strip())) : null);
            RunView view = runs.start(scope.caller(), scope.org(), scope.project(), run);
            close();
            started.accept(view);
        });
        start.setId("run-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        Runnable validate = () -> start.setEnabled(pool.getValue() != null && (TRAINER.equals(kind.getValue())
                ? dataset.getValue() != null && !target.getValue().isBlank() && Slug.isValid(model.getValue().strip())
                : !command.getValue().isBlank()));
        kind.addValueChangeListener(e -> validate.run());
        dataset.addValueChangeListener(e -> validate.run());
        target.addValueChangeListener(e -> validate.run());
        model.addValueChangeListener(e -> validate.run());
        command.addValueChangeListener(e -> validate.run());
        pool.addValueChangeListener(e -> validate.run());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, start);
    }

    /** Every version of every dataset, newest first, as {@code name:version}. */
    private static List<String> datasetVersions(ProjectScope scope, DatasetService datasets) {
        List<String> references = new ArrayList<>();
        for (DatasetSummary summary : datasets.list(scope.caller(), scope.org(), scope.project(),
                PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
            for (int version = summary.latestVersion(); version >= 1; version--) {
                references.add(summary.name() + ":" + version);
            }
        }
        return references;
    }
}
