package io.slipway.promotion;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric gates in CEL, the Common Expression Language Kubernetes uses for admission rules. Two variables,
 * {@code candidate} and {@code production}, each with {@code metrics} (numbers), {@code params} and
 * {@code version}; a gate must yield {@code true}. Compiling checks syntax and types before a policy is saved;
 * evaluating a gate reports every value it read, and a missing one by name. CEL has no unbounded loops, and
 * comprehensions are capped, so a gate's cost is bounded by the size of its input.
 */
final class MetricGates {

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setOptions(CelOptions.current()
                    .enableHeterogeneousNumericComparisons(true)
                    .comprehensionMaxIterations(10_000)
                    .build())
            .addVar("candidate", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("production", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();

    /** candidate.metrics.accuracy, production.params["learning-rate"], ... */
    private static final Pattern READ = Pattern.compile(
            "\\b(candidate|production)\\.(metrics|params)(?:\\.([A-Za-z_][A-Za-z0-9_]{0,127})"
                    + "|\\[\\s*[\"']([^\"'\\]]{1,128})[\"']\\s*\\])");

    private MetricGates() {
    }

    /** Why the gate does not compile ("line 1, column 24: ..."), or empty if it does. */
    static Optional<String> problem(Gate gate) {
        CelValidationResult result = CEL.compile(gate.expression());
        if (!result.hasError()) {
            return Optional.empty();
        }
        CelIssue first = result.getErrors().get(0);
        return Optional.of("line " + first.getSourceLocation().getLine() + ", column "
                + (first.getSourceLocation().getColumn() + 1) + ": " + first.getMessage());
    }

    /** Each gate that applies to {@code stage}, evaluated against the candidate and the current holder. */
    static List<GateVerdict> evaluate(List<Gate> gates, String stage, Snapshot candidate,
                                      Optional<Snapshot> production, boolean passWithoutProduction) {
        List<GateVerdict> verdicts = new ArrayList<>();
        for (Gate gate : gates) {
            if (gate.appliesTo(stage)) {
                verdicts.add(evaluate(gate, candidate, production, passWithoutProduction));
            }
        }
        return verdicts;
    }

    private static GateVerdict evaluate(Gate gate, Snapshot candidate, Optional<Snapshot> production,
                                        boolean passWithoutProduction) {
        List<Read> reads = reads(gate.expression());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Read read : reads) {
            values.put(read.path(), read.valueIn(candidate, production));
        }
        if (production.isEmpty() && reads.stream().anyMatch(r -> r.variable().equals("production"))) {
            return passWithoutProduction
                    ? verdict(gate, true, "nothing holds production; the policy lets gates over production pass",
                    values)
                    : verdict(gate, false, "nothing holds production, and the policy fails gates over it", values);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("candidate", candidate.asCel());
        variables.put("production", production.map(Snapshot::asCel).orElse(Map.of()));
        try {
            CelAbstractSyntaxTree ast = CEL.compile(gate.expression()).getAst();
            Object result = CEL.createProgram(ast).eval(variables);
            if (Boolean.TRUE.equals(result)) {
                return verdict(gate, true, null, values);
            }
            if (Boolean.FALSE.equals(result)) {
                return verdict(gate, false, "the gate is false for " + describe(values), values);
            }
            return verdict(gate, false, "the gate did not yield true or false", values);
        } catch (CelValidationException e) {
            return verdict(gate, false, "the gate does not compile: " + e.getMessage(), values);
        } catch (CelEvaluationException e) {
            return verdict(gate, false, missing(reads, values, candidate, production)
                    .orElse("the gate failed: " + e.getMessage()), values);
        }
    }

    private static Optional<String> missing(List<Read> reads, Map<String, Object> values, Snapshot candidate,
                                            Optional<Snapshot> production) {
        return reads.stream().filter(read -> values.get(read.path()) == null).findFirst()
                .map(read -> (read.variable().equals("candidate") ? "the candidate, version " + candidate.version()
                        : "production, version " + production.map(Snapshot::version).orElse(0))
                        + ", has no " + (read.section().equals("metrics") ? "metric" : "param")
                        + " '" + read.key() + "'");
    }

    private static String describe(Map<String, Object> values) {
        if (values.isEmpty()) {
            return "these versions";
        }
        StringBuilder text = new StringBuilder();
        values.forEach((path, value) -> text.append(text.isEmpty() ? "" : ", ").append(path).append(" = ")
                .append(value));
        return text.toString();
    }

    private static GateVerdict verdict(Gate gate, boolean passed, String reason, Map<String, Object> values) {
        return new GateVerdict(gate.name(), gate.expression(), passed, reason, values);
    }

    private static List<Read> reads(String expression) {
        List<Read> reads = new ArrayList<>();
        Matcher m = READ.matcher(expression);
        while (m.find()) {
            Read read = new Read(m.group(1), m.group(2), m.group(3) != null ? m.group(3) : m.group(4));
            if (!reads.contains(read)) {
                reads.add(read);
            }
        }
        return reads;
    }

    private record Read(String variable, String section, String key) {

        String path() {
            return variable + "." + section + "." + key;
        }

        Object valueIn(Snapshot candidate, Optional<Snapshot> production) {
            Optional<Snapshot> of = variable.equals("candidate") ? Optional.of(candidate) : production;
            return of.map(s -> section.equals("metrics") ? (Object) s.metrics().get(key) : s.params().get(key))
                    .orElse(null);
        }
    }
}
