package io.slipway.console.registry;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.slipway.console.Times;
import io.slipway.console.project.ProjectScope;
import io.slipway.lineage.LineageGraph;
import io.slipway.lineage.LineageNode;
import io.slipway.lineage.LineageService;
import io.slipway.registry.ModelVersionView;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where a model version came from and what it flowed into: the lineage edges around it, two steps deep. */
class LineageList extends Composite<VerticalLayout> {

    private static final int DEPTH = 2;

    private final ProjectScope scope;
    private final LineageService lineage;
    private final H4 title = new H4();
    private final UnorderedList edges = new UnorderedList();
    private final Paragraph empty = new Paragraph("No lineage recorded: the upload named no training data.");

    LineageList(ProjectScope scope, LineageService lineage) {
        this.scope = scope;
        this.lineage = lineage;
        edges.setId("model-lineage");
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        title.getStyle().set("margin", "0");
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(title, edges, empty);
        getContent().setVisible(false);
    }

    void show(ModelVersionView version) {
        if (version == null) {
            getContent().setVisible(false);
            return;
        }
        String root = "model-version:" + version.model() + ":" + version.version();
        LineageGraph graph = lineage.graph(scope.caller(), scope.org(), scope.project(), root, DEPTH);
        Map<String, LineageNode> nodes = graph.nodes().stream()
                .collect(Collectors.toMap(LineageNode::id, Function.identity()));
        title.setText("Lineage of " + version.model() + " version " + version.version());
        edges.removeAll();
        graph.edges().forEach(edge -> edges.add(new ListItem(describe(nodes.get(edge.from())) + " — "
                + edge.relation() + " → " + describe(nodes.get(edge.to())))));
        empty.setVisible(graph.edges().isEmpty());
        getContent().setVisible(true);
    }

    /** {@code dataset transactions version 3 (bob, 2025-01-01 12:00 UTC)}. */
    private static String describe(LineageNode node) {
        String kind = node.kind().replace("-version", "");
        return kind + " " + node.name() + " version " + node.version() + " (" + node.createdBy() + ", "
                + Times.format(node.createdAt()) + ")";
    }
}
