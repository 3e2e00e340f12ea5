package io.slipway.console.run;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import io.slipway.console.Times;
import io.slipway.console.project.ProjectLayout;
import io.slipway.console.project.ProjectScope;
import io.slipway.console.registry.ModelsView;
import io.slipway.run.RunService;
import io.slipway.run.RunView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run: its state and why, what it ran, its metric charts, the model versions it produced (linked) and its log,
 * which grows as the run writes (the page pushes each refresh). Cancel while it is queued or running.
 */
final class RunPanel extends VerticalLayout {

    private static final int SHOWN_LINES = 2000;

    private final ProjectScope scope;
    private final RunService runs;
    private final boolean mayCancel;
    private final Runnable changed;
    private final Span state = new Span();
    private final Span reason = new Span();
    private final Div facts = new Div();
    private final Div outputs = new Div();
    private final MetricChart chart = new MetricChart();
    private final Pre log = new Pre();
    private final Button cancel = new Button("Cancel run");
    private String runId;
    private RunService.LogHandle logHandle;
    private int logLines;

    RunPanel(ProjectScope scope, RunService runs, boolean mayCancel, Runnable changed) {
        this.scope = scope;
        this.runs = runs;
        this.mayCancel = mayCancel;
        this.changed = changed;
        setPadding(false);
        setId("run-panel");
        state.setId("run-state");
        reason.setId("run-reason");
        facts.setId("run-facts");
        outputs.setId("run-outputs");
        log.setId("run-log");
        log.getStyle().set("max-height", "24rem").set("overflow", "auto").set("font-size", "var(--lumo-font-size-s)")
                .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)")
                .set("white-space", "pre-wrap").set("width", "100%").set("box-sizing", "border-box");
        cancel.setId("run-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> {
            runs.cancel(scope.caller(), scope.org(), scope.project(), runId);
            changed.run();
        });
        HorizontalLayout status = new HorizontalLayout(state, reason, cancel);
        status.setAlignItems(Alignment.BASELINE);
        add(status, facts, new H4("Metrics"), chart, new H4("Outputs"), outputs, new H4("Log"), log);
    }

    /** Shows the run (another run from scratch, the same one by appending what is new). */
    Component show(RunView run) {
        if (!run.id().toString().equals(runId)) {
            runId = run.id().toString();
            logHandle = runs.openLog(scope.caller(), scope.org(), scope.project(), runId);
            logLines = 0;
            log.setText("");
        }
        state.setText(run.state().replace('_', ' '));
        state.getElement().getThemeList().clear();
        state.getElement().getThemeList().add(RunsView.badgeTheme(run.state()));
        reason.setText(run.queueReason() != null ? "#" + run.queuePosition() + " in the queue — " + run.queueReason()
                : run.reason() != null ? run.reason() + (run.exitCode() == null ? "" : " (exit code " + run.exitCode() + ")")
                : run.exitCode() != null ? "exit code " + run.exitCode() : "");
        cancel.setVisible(mayCancel && (run.state().equals("queued") || run.state().equals("running")));
        facts.setText(String.join(" · ", List.of("Run " + run.number() + " by " + run.createdBy(),
                "pool " + run.pool() + " (" + run.resources().cpus() + " CPUs, " + run.resources().memoryMib() + " MiB"
                        + (run.resources().gpus() > 0 ? ", " + run.resources().gpus() + " GPUs" : "") + ")",
                "started " + (run.startedAt() == null ? "–" : Times.format(run.startedAt())),
                "inputs " + (run.inputs().isEmpty() ? "none" : String.join(", ", run.inputs())),
                "params " + (run.params().isEmpty() ? "none" : run.params().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))),
                (run.codeBundle() == null ? "" : "code bundle " + run.codeBundle().toString().substring(0, 8) + " · ")
                        + (run.image() == null ? "" : "image " + run.image() + " ") + String.join(" ", run.command()))));
        chart.show(runs.metrics(scope.caller(), scope.org(), scope.project(), runId));
        showOutputs(run);
        appendLog();
        return this;
    }

    private void showOutputs(RunView run) {
        outputs.removeAll();
        if (run.outputModels().isEmpty()) {
            outputs.add(new Span(run.outputs().isEmpty() ? "This run declares no outputs."
                    : "Declared: " + run.outputs().stream().map(o -> o.path() + " → model " + o.model())
                    .collect(Collectors.joining(", "))));
            return;
        }
        for (String produced : run.outputModels()) {
            String model = produced.substring(0, produced.indexOf(':'));
            RouterLink link = new RouterLink("Model " + model + " version " + produced.substring(model.length() + 1),
                    ModelsView.class, ProjectLayout.parameters(scope.org(), scope.project()));
            link.setQueryParameters(QueryParameters.simple(Map.of(ModelsView.MODEL_PARAMETER, model)));
            link.setId("run-output-" + model);
            outputs.add(link);
        }
    }

    private void appendLog() {
        List<String> lines = runs.log(logHandle, logLines).lines();
        if (lines.isEmpty()) {
            return;
        }
        logLines += lines.size();
        String text = log.getText() + String.join("\n", lines) + "\n";
        List<String> all = text.lines().toList();
        if (all.size() > SHOWN_LINES) {
            text = String.join("\n", all.subList(all.size() - SHOWN_LINES, all.size())) + "\n";
        }
        log.setText(text);
        log.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }
}
