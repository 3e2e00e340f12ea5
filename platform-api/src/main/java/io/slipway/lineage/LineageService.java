package io.slipway.lineage;

import io.slipway.api.ProblemException;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lineage graph around a node, within one project of one organization. */
@ApplicationScoped
public class LineageService {

    static final int DEFAULT_DEPTH = 3;
    static final int MAX_DEPTH = 10;
    private static final Pattern NODE = Pattern.compile("([a-z-]{1,32}):([a-z0-9-]{1,63}):([0-9]{1,9})");

    private final ProjectAccess access;
    private final LineageRepository edges;
    private final Instance<LineageNodes> kinds;

    @Inject
    public LineageService(ProjectAccess access, LineageRepository edges, Instance<LineageNodes> kinds) {
        this.access = access;
        this.edges = edges;
        this.kinds = kinds;
    }

    protected LineageService() {
        this(null, null, null);
    }

    /**
     * @param node  e.g. {@code model-version:fraud:3} or {@code dataset-version:transactions:2}
     * @param depth how many edges away to look, in both directions (default 3, at most 10)
     */
    public LineageGraph graph(Caller caller, String orgSlug, String projectSlug, String node, Integer depth) {
        Matcher parsed = NODE.matcher(node == null ? "" : node);
        if (!parsed.matches()) {
            throw ProblemException.invalidField("node", "must look like model-version:<name>:<version> or "
                    + "dataset-version:<name>:<version>");
        }
        int hops = depth == null ? DEFAULT_DEPTH : depth;
        if (hops < 1 || hops > MAX_DEPTH) {
            throw ProblemException.invalidField("depth", "must be between 1 and " + MAX_DEPTH);
        }
        LineageNodes kind = kindOf(parsed.group(1));
        return access.inProject(caller, orgSlug, projectSlug, Operation.LINEAGE_READ, context -> {
            UUID rootId = kind.find(context.project().id(), parsed.group(2), Integer.parseInt(parsed.group(3)))
                    .orElseThrow(() -> ProblemException.notFound("No " + node + " in project '" + projectSlug + "'."));
            return walk(new NodeKey(kind.kind(), rootId), node, hops);
        });
    }

    private LineageGraph walk(NodeKey root, String rootRef, int depth) {
        Map<NodeKey, LineageNode> nodes = new LinkedHashMap<>();
        Set<LineageGraph.Edge> found = new LinkedHashSet<>();
        nodes.put(root, describe(root));
        List<NodeKey> frontier = List.of(root);
        for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
            List<NodeKey> next = new ArrayList<>();
            for (NodeKey at : frontier) {
                List<LineageEdge> around = new ArrayList<>(edges.from(at));
                around.addAll(edges.to(at));
                for (LineageEdge edge : around) {
                    for (NodeKey end : List.of(edge.from(), edge.to())) {
                        if (!nodes.containsKey(end)) {
                            nodes.put(end, describe(end));
                            next.add(end);
                        }
                    }
                    found.add(new LineageGraph.Edge(nodes.get(edge.from()).id(), nodes.get(edge.to()).id(),
                            edge.relation()));
                }
            }
            frontier = next;
        }
        return new LineageGraph(rootRef, depth, List.copyOf(nodes.values()), List.copyOf(found));
    }

    private LineageNode describe(NodeKey key) {
        return kindOf(key.kind()).describe(key.id())
                .orElseThrow(() -> new IllegalStateException("Lineage names a missing " + key));
    }

    private LineageNodes kindOf(String kind) {
        for (LineageNodes candidate : kinds) {
            if (candidate.kind().equals(kind)) {
                return candidate;
            }
        }
        throw ProblemException.invalidField("node", "unknown kind '" + kind + "'");
    }
}
