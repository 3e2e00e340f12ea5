package io.slipway.pool;

import io.slipway.compute.Gpu;
import io.slipway.compute.GpuProbe;
import io.slipway.persistence.SchemaMigrated;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import io.slipway.api.Json;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local pools, defined once the schema is migrated when they do not exist yet (the database stays their source
 * of truth: a platform admin's redefinition is kept): {@code local-cpu}, this machine's cores and memory, and
 * {@code local-gpu} when {@code nvidia-smi} lists GPUs (their count and model read from it). Off with
 * {@code slipway.pools.local.enabled=false} (a Kubernetes installation whose Slipway pods should run nothing).
 */
@ApplicationScoped
public class PoolSeeding {

    public static final String LOCAL_CPU = "local-cpu";
    public static final String LOCAL_GPU = "local-gpu";
    private static final Logger LOG = Logger.getLogger(PoolSeeding.class.getName());

    private final Tenancy tenancy;
    private final PoolRepository pools;
    private final boolean localEnabled;
    private final Optional<Double> cpus;
    private final Optional<Long> memoryMib;
    private final String nvidiaSmi;
    private final Optional<String> seedFile;
    private final jakarta.validation.Validator validator;

    /** The pools a seed file defines (the Helm chart's {@code slipway-pools.json}): each as POST /api/v1/pools takes it. */
    record SeedFile(List<NewPool> pools) {
    }

    @Inject
    public PoolSeeding(Tenancy tenancy, PoolRepository pools,
                       @ConfigProperty(name = "slipway.pools.local.enabled", defaultValue = "true") boolean localEnabled,
                       @ConfigProperty(name = "slipway.pools.local.cpus") Optional<Double> cpus,
                       @ConfigProperty(name = "slipway.pools.local.memory-mib") Optional<Long> memoryMib,
                       @ConfigProperty(name = "slipway.pools.nvidia-smi", defaultValue = "nvidia-smi") String nvidiaSmi,
                       @ConfigProperty(name = "slipway.pools.file") Optional<String> seedFile,
                       jakarta.validation.Validator validator) {
        this.seedFile = seedFile.filter(file -> !file.isBlank());
        this.validator = validator;
        this.tenancy = tenancy;
        this.pools = pools;
        this.localEnabled = localEnabled;
        this.cpus = cpus;
        this.memoryMib = memoryMib;
        this.nvidiaSmi = nvidiaSmi;
    }

    protected PoolSeeding() {
        this(null, null, false, Optional.empty(), Optional.empty(), null, Optional.empty(), null);
    }

    void seed(@Observes SchemaMigrated migrated) {
        seedFile.ifPresent(this::seedFrom);
        if (!localEnabled) {
            return;
        }
        long cpuMillis = Math.round(cpus.orElse((double) Runtime.getRuntime().availableProcessors()) * 1000);
        long memory = memoryMib.orElseGet(PoolSeeding::machineMemoryMib);
        ensure(new PoolDefinition(LOCAL_CPU, PoolBackend.LOCAL, "none", 0, 1, cpuMillis, memory,
                List.of(PoolDefinition.SERVING, PoolDefinition.TRAINING), null, null, null));
        List<Gpu> gpus = GpuProbe.probe(nvidiaSmi);
        if (!gpus.isEmpty()) {
            ensure(new PoolDefinition(LOCAL_GPU, PoolBackend.LOCAL, GpuProbe.acceleratorOf(gpus.getFirst().model()),
                    gpus.size(), 1, cpuMillis, memory, List.of(PoolDefinition.SERVING, PoolDefinition.TRAINING),
                    null, null, null));
        }
    }

    /** Defines the file's pools that do not exist yet; an entry that is not a valid pool is reported and skipped. */
    private void seedFrom(String file) {
        SeedFile seeds;
        try {
            seeds = Json.read(java.nio.file.Files.readString(java.nio.file.Path.of(file)), SeedFile.class);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.severe(() -> "The pools file " + file + " cannot be read (" + e.getMessage() + "); no pool is"
                    + " defined from it");
            return;
        }
        for (NewPool pool : seeds.pools() == null ? List.<NewPool>of() : seeds.pools()) {
            var violations = validator.validate(pool);
            if (!violations.isEmpty()) {
                LOG.severe(() -> "The pool " + pool.name() + " of " + file + " is not defined: " + violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
                continue;
            }
            try {
                ensure(PoolService.definition(pool));
            } catch (io.slipway.api.ProblemException invalid) {
                LOG.severe(() -> "The pool " + pool.name() + " of " + file + " is not defined: "
                        + invalid.getMessage());
            }
        }
    }

    private void ensure(PoolDefinition definition) {
        try {
            define(definition);
        } catch (RuntimeException racedWithAnotherServer) {
            LOG.info(() -> "The pool " + definition.name() + " was defined meanwhile ("
                    + racedWithAnotherServer.getMessage() + ")");
        }
    }

    private void define(PoolDefinition definition) {
        tenancy.asPlatform(() -> {
            if (pools.findByName(definition.name()).isEmpty()) {
                pools.store(new ComputePool(definition, Instant.now().truncatedTo(ChronoUnit.MICROS)));
                LOG.info(() -> "Defined the compute pool " + definition.name() + ": " + definition.gpusPerNode()
                        + " GPUs (" + definition.accelerator() + "), " + definition.cpuMillisPerNode() / 1000.0
                        + " CPUs, " + definition.memoryMibPerNode() + " MiB");
            }
            return null;
        });
    }

    private static long machineMemoryMib() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return 4096;
    }
}
