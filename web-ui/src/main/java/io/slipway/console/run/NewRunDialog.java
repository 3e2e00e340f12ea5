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
import io.slipway.console.artifact.StreamingUpload;
import io.slipway.run.CodeBundleService;
import io.slipway.run.CodeBundleView;
import io.slipway.run.NewRun;
import io.slipway.run.RunService;
import io.slipway.run.RunView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starting a run on a pool, with CPUs, memory, GPUs where the pool has them, and a timeout. On a local pool: the
 * built-in trainer (a CSV dataset version, its target column, the model its output becomes) or a command (one
 * argument per line, no shell). On a kubernetes pool: a container image, optionally its command, a dataset version
 * as input and a declared output (a file the run uploads, which becomes a model version). Commands and images may
 * start from a code bundle, chosen from the project's or uploaded here. The service checks it all
 * again; what it refuses is shown as it says it.
 */
final class NewRunDialog extends Dialog {

    static final String TRAINER = "Built-in trainer";
    static final String COMMAND = "Command";
    static final String IMAGE = "Container image";

    NewRunDialog(ProjectScope scope, RunService runs, PoolService pools, DatasetService datasets,
                 CodeBundleService bundles, Consumer<RunView> started) {
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
        TextField image = new TextField("Image");
        image.setId("run-image");
        image.setPlaceholder("registry.example.com/team/train:1.4");
        image.setMaxLength(512);
        image.setVisible(false);
        image.setValueChangeMode(ValueChangeMode.EAGER);
        TextField outputPath = new TextField("Output file");
        outputPath.setId("run-output-path");
        outputPath.setHelperText("Uploaded by the run to $SLIPWAY_OUTPUTS_URL/<file>");
        outputPath.setVisible(false);
        outputPath.setValueChangeMode(ValueChangeMode.EAGER);
        Select<CodeBundleView> bundle = new Select<>();
        bundle.setId("run-bundle");
        bundle.setLabel("Code bundle (optional)");
        bundle.setHelperText("Unpacked into SLIPWAY_CODE_DIR, the run's working directory");
        bundle.setEmptySelectionAllowed(true);
        bundle.setEmptySelectionCaption("none");
        bundle.setItemLabelGenerator(b -> b == null ? "none" : (b.fileName() == null ? b.format() : b.fileName())
                + " · " + b.files() + " files · " + b.sha256().substring(0, 12));
        List<CodeBundleView> known = new ArrayList<>(bundles.list(scope.caller(), scope.org(), scope.project(), 50));
        bundle.setItems(known);
        StreamingUpload<CodeBundleService.Uploaded> bundleUpload = new StreamingUpload<>("run-bundle-upload",
                "Upload a code bundle…", body -> bundles.upload(scope.caller(), scope.org(), scope.project(), body),
                uploaded -> "Stored " + uploaded.bundle().files() + " files (" + uploaded.bundle().format()
                        + "), SHA-256 " + uploaded.bundle().sha256(),
                uploaded -> {
                    known.removeIf(b -> b.id().equals(uploaded.bundle().id()));
                    known.addFirst(uploaded.bundle());
                    bundle.setItems(known);
                    bundle.setValue(uploaded.bundle());
                });
        bundleUpload.setReady(true);
        Select<String> pool = new Select<>();
        pool.setId("run-pool");
        pool.setLabel("Compute pool");
        // local-cpu first, then the other local pools, then the cluster's
        Map<String, PoolView> trainingPools = new java.util.LinkedHashMap<>();
        pools.list(scope.caller()).stream()
                .filter(p -> p.purposes().contains(PoolDefinition.TRAINING))
                .sorted(java.util.Comparator.comparing((PoolView p) -> !p.name().equals(PoolSeeding.LOCAL_CPU))
                        .thenComparing(p -> !p.backend().equals(PoolBackend.LOCAL.label()))
                        .thenComparing(PoolView::name))
                .forEach(p -> trainingPools.put(p.name(), p));
        pool.setItems(trainingPools.keySet());
        pool.setItemLabelGenerator(poolName -> {
            PoolView view = trainingPools.get(poolName);
            return poolName + (view.backend().equals(PoolBackend.LOCAL.label()) ? "" : " (" + view.backend() + ")")
                    + (view.gpusPerNode() > 0 ? ", " + view.gpusPerNode() + " x " + view.accelerator() : "");
        });
        if (!trainingPools.isEmpty()) {
            pool.setValue(trainingPools.keySet().iterator().next());
        }
        NumberField cpus = new NumberField("CPUs");
        cpus.setId("run-cpus");
        cpus.setValue(1.0);
        cpus.setMin(0.01);
        IntegerField memory = new IntegerField("Memory (MiB)");
        memory.setId("run-memory");
        memory.setValue(1024);
        IntegerField gpus = new IntegerField("GPUs");
        gpus.setId("run-gpus");
        gpus.setValue(0);
        gpus.setMin(0);
        gpus.setStepButtonsVisible(true);
        IntegerField timeout = new IntegerField("Timeout (minutes)");
        timeout.setId("run-timeout");
        timeout.setValue(60);
        timeout.setMin(1);
        Runnable arrange = () -> {
            String chosen = kind.getValue();
            boolean trainer = TRAINER.equals(chosen);
            boolean container = IMAGE.equals(chosen);
            dataset.setVisible(trainer || container);
            dataset.setLabel(container ? "Input dataset version (optional)" : "Dataset version (CSV)");
            target.setVisible(trainer);
            model.setVisible(trainer || container);
            model.setHelperText(container ? "The output file becomes the next version of this model (optional)"
                    : "model.onnx becomes the next version of this model");
            image.setVisible(container);
            outputPath.setVisible(container);
            command.setVisible(!trainer);
            command.setLabel(container ? "Command (optional: the image's own otherwise)" : "Command");
            bundle.setVisible(!trainer);
            bundleUpload.setVisible(!trainer);
        };
        pool.addValueChangeListener(e -> {
            PoolView chosen = trainingPools.get(e.getValue());
            boolean cluster = chosen != null && !chosen.backend().equals(PoolBackend.LOCAL.label());
            kind.setItems(cluster ? List.of(IMAGE) : List.of(TRAINER, COMMAND));
            kind.setValue(cluster ? IMAGE : TRAINER);
            int gpusPerNode = chosen == null ? 0 : chosen.gpusPerNode();
            gpus.setVisible(gpusPerNode > 0);
            gpus.setMax(gpusPerNode);
            gpus.setValue(0);
            arrange.run();
        });
        kind.addValueChangeListener(e -> arrange.run());
        if (pool.getValue() != null) {
            PoolView first = trainingPools.get(pool.getValue());
            gpus.setVisible(first.gpusPerNode() > 0);
            gpus.setMax(first.gpusPerNode());
            if (!first.backend().equals(PoolBackend.LOCAL.label())) {
                kind.setItems(List.of(IMAGE));
                kind.setValue(IMAGE);
            }
        }
        arrange.run();
        FormLayout form = new FormLayout(name, pool, kind, image, dataset, target, command, bundle, bundleUpload,
                outputPath, model, cpus, memory, gpus, timeout);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 3));
        form.setColspan(name, 3);
        form.setColspan(kind, 3);
        form.setColspan(dataset, 3);
        form.setColspan(target, 3);
        form.setColspan(model, 3);
        form.setColspan(command, 3);
        form.setColspan(pool, 3);
        form.setColspan(image, 3);
        form.setColspan(bundle, 3);
        form.setColspan(bundleUpload, 3);
        add(form);

        Button start = new Button("Start", e -> {
            boolean trainer = TRAINER.equals(kind.getValue());
            boolean container = IMAGE.equals(kind.getValue());
            List<String> program = trainer
                    ? List.of("slipway-train", "tabular", "--target", target.getValue().strip())
                    : command.getValue().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            List<NewRun.Output> outputs = trainer ? List.of(new NewRun.Output("model.onnx", model.getValue().strip()))
                    : container && !outputPath.getValue().isBlank()
                    ? List.of(new NewRun.Output(outputPath.getValue().strip(), model.getValue().strip())) : null;
            NewRun run = new NewRun(name.getValue().isBlank() ? null : name.getValue().strip(), pool.getValue(),
                    program.isEmpty() ? null : program, null, container ? image.getValue().strip() : null, null,
                    dataset.isVisible() && dataset.getValue() != null ? List.of(dataset.getValue()) : null, null,
                    new NewRun.RunResources(cpus.getValue(), memory.getValue() == null ? null
                            : memory.getValue().longValue(), gpus.getValue() == null ? 0 : gpus.getValue()),
                    timeout.getValue() == null ? null : timeout.getValue() * 60L, outputs,
                    !trainer && bundle.getValue() != null ? bundle.getValue().id().toString() : null);
            RunView view = runs.start(scope.caller(), scope.org(), scope.project(), run);
            close();
            started.accept(view);
        });
        start.setId("run-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        Runnable validate = () -> start.setEnabled(pool.getValue() != null && switch (kind.getValue() == null ? ""
                : kind.getValue()) {
            case TRAINER -> dataset.getValue() != null && !target.getValue().isBlank()
                    && Slug.isValid(model.getValue().strip());
            case COMMAND -> !command.getValue().isBlank();
            case IMAGE -> !image.getValue().isBlank() && (outputPath.getValue().isBlank()
                    == model.getValue().isBlank()) && (model.getValue().isBlank()
                    || Slug.isValid(model.getValue().strip()));
            default -> false;
        });
        kind.addValueChangeListener(e -> validate.run());
        dataset.addValueChangeListener(e -> validate.run());
        target.addValueChangeListener(e -> validate.run());
        model.addValueChangeListener(e -> validate.run());
        command.addValueChangeListener(e -> validate.run());
        image.addValueChangeListener(e -> validate.run());
        outputPath.addValueChangeListener(e -> validate.run());
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
