package io.slipway.pool;

import io.slipway.compute.Resources;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A compute pool: where it runs (backend), what each node has, how many nodes, and what it is for. */
@Entity
@Table(name = "compute_pools")
public class ComputePool {

    @Id
    @Column(length = 63)
    private String name;

    @Column(nullable = false, length = 16)
    private String backend;

    @Column(nullable = false, length = 64)
    private String accelerator;

    @Column(name = "gpus_per_node", nullable = false)
    private int gpusPerNode;

    @Column(nullable = false)
    private int nodes;

    @Column(name = "cpu_millis_per_node", nullable = false)
    private long cpuMillisPerNode;

    @Column(name = "memory_mib_per_node", nullable = false)
    private long memoryMibPerNode;

    @Column(nullable = false, length = 64)
    private String purposes;

    @Column(name = "node_selector", length = 4000)
    private String nodeSelectorJson;

    @Column(length = 4000)
    private String tolerations;

    @Column(name = "namespace_pattern", length = 128)
    private String namespacePattern;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ComputePool() {
    }

    public ComputePool(PoolDefinition definition, Instant now) {
        this.name = definition.name();
        this.createdAt = now;
        define(definition, now);
    }

    /** Takes the definition's settings (the name stays). */
    public void define(PoolDefinition definition, Instant now) {
        this.backend = definition.backend().label();
        this.accelerator = definition.accelerator();
        this.gpusPerNode = definition.gpusPerNode();
        this.nodes = definition.nodes();
        this.cpuMillisPerNode = definition.cpuMillisPerNode();
        this.memoryMibPerNode = definition.memoryMibPerNode();
        this.purposes = String.join(",", definition.purposes());
        this.nodeSelectorJson = definition.nodeSelectorJson();
        this.tolerations = definition.tolerationsJson();
        this.namespacePattern = definition.namespacePattern();
        this.updatedAt = now;
    }

    public String name() {
        return name;
    }

    public PoolDefinition definition() {
        return new PoolDefinition(name, PoolBackend.fromLabel(backend), accelerator, gpusPerNode, nodes,
                cpuMillisPerNode, memoryMibPerNode, purposes(), nodeSelectorJson, tolerations, namespacePattern);
    }

    public PoolBackend backend() {
        return PoolBackend.fromLabel(backend);
    }

    public List<String> purposes() {
        return purposes.isEmpty() ? List.of() : Arrays.asList(purposes.split(","));
    }

    public boolean servesFor(String purpose) {
        return purposes().contains(purpose);
    }

    /** All nodes together. */
    public Resources capacity() {
        return new Resources(cpuMillisPerNode, memoryMibPerNode, gpusPerNode).times(nodes);
    }

    /** One node: the most a single run can get. */
    public Resources perNode() {
        return new Resources(cpuMillisPerNode, memoryMibPerNode, gpusPerNode);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
