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
    private static final Pattern LEAF = Pattern.compile("([a-z-]{1,32}):([0-9a-fA-F-]{36})");

    private final ProjectAccess access;
    private final LineageRepository edges;
    private final Instance<LineageNodes> kinds;
    private final Instance<LineageLeaves> leaves;

    @Inject
    public LineageService(ProjectAccess access, LineageRepository edges, Instance<LineageNodes> kinds,
                          Instance<LineageLeaves> leaves) {
        this.access = access;
        this.edges = edges;
        this.kinds = kinds;
        this.leaves = leaves;
    }

    protected LineageService() {
        this(null, null, null, null);
    }

    /**
     * @param node  e.g. {@code model-version:fraud:3} or {@code dataset-version:transactions:2}
     * @param depth how many edges away to look, in both directions (default 3, at most 10)
     */
    public LineageGraph graph(Caller caller, String orgSlug, String projectSlug, String node, Integer depth) {
        int hops = depth == null ? DEFAULT_DEPTH : depth;
        if (hops < 1 || hops > MAX_DEPTH) {
            throw ProblemException.invalidField("depth", "must be between 1 and " + MAX_DEPTH);
        }
        Matcher leaf = LEAF.matcher(node == null ? "" : node);
        if (leaf.matches()) {
            return leafGraph(caller, orgSlug, projectSlug, node, leafKind(leaf.group(1)), parseId(leaf.group(2)), hops);
        }
        Matcher parsed = NODE.matcher(node == null ? "" : node);
        if (!parsed.matches()) {
            throw ProblemException.invalidField("node", "must look like model-version:<name>:<version>, "
                    + "dataset-version:<name>:<version> or request:<request id>");
        }
        LineageNodes kind = kindOf(parsed.group(1));
        return access.inProject(caller, orgSlug, projectSlug, Operation.LINEAGE_READ, context -> {
            UUID rootId = kind.find(context.project().id(), parsed.group(2), Integer.parseInt(parsed.group(3)))
                    .orElseThrow(() -> ProblemException.notFound("No " + node + " in project '" + projectSlug + "'."));
            return walk(new NodeKey(kind.kind(), rootId), node, hops);
        });
    }

    /**
     * A leaf's graph: the path down to it from its model version, then {@code depth} edges around that version
     * (upstream: what it was trained on).
     */
    private LineageGraph leafGraph(Caller caller, String orgSlug, String projectSlug, String node, LineageLeaves kind,
                                   UUID id, int depth) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.LINEAGE_READ, context -> {
            LineageLeaves.Trace trace = kind.trace(context.project().id(), id)
                    .orElseThrow(() -> ProblemException.notFound("No " + node + " in project '" + projectSlug + "'."));
            List<LineageNode> nodes = new ArrayList<>();
            List<LineageGraph.Edge> found = new ArrayList<>();
            trace.modelVersion().ifPresent(version -> {
                LineageGraph upstream = walk(version, node, depth);
                nodes.addAll(upstream.nodes());
                found.addAll(upstream.edges());
            });
            nodes.addAll(trace.nodes());
            found.addAll(trace.edges());
            return new LineageGraph(node, depth, List.copyOf(nodes), List.copyOf(found));
        });
    }

    private LineageLeaves leafKind(String kind) {
        for (LineageLeaves candidate : leaves) {
            if (candidate.kind().equals(kind)) {
                return candidate;
            }
        }
        throw ProblemException.invalidField("node", "unknown kind '" + kind + "'");
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("node", "'" + id + "' is not a request id");
        }
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
