package io.slipway.run;

import io.slipway.compute.Resources;
import io.slipway.pool.PoolUsage;
import io.slipway.project.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pools' use, counted from the runs that run and wait on them. */
@ApplicationScoped
class RunPoolUsage implements PoolUsage {

    private final RunRepository runs;
    private final ProjectRepository projects;

    @Inject
    RunPoolUsage(RunRepository runs, ProjectRepository projects) {
        this.runs = runs;
        this.projects = projects;
    }

    protected RunPoolUsage() {
        this(null, null);
    }

    @Override
    public Map<String, Load> byPool() {
        Map<String, Load> loads = new HashMap<>();
        for (Run run : runs.running()) {
            Load load = loads.getOrDefault(run.pool(), Load.NONE);
            loads.put(run.pool(), new Load(load.inUse().plus(run.resources()), load.running() + 1, load.queued()));
        }
        runs.queuedCounts().forEach((pool, count) -> {
            Load load = loads.getOrDefault(pool, Load.NONE);
            loads.put(pool, new Load(load.inUse(), load.running(), count.intValue()));
        });
        return loads;
    }

    @Override
    public Map<String, OrgLoad> ofOrganization(UUID orgId, Instant monthStart) {
        Map<String, Resources> inUse = new HashMap<>();
        Map<String, Integer> running = new HashMap<>();
        for (Run run : runs.runningOf(orgId)) {
            inUse.merge(run.pool(), run.resources(), Resources::plus);
            running.merge(run.pool(), 1, Integer::sum);
        }
        Map<String, Map<String, Double>> hours = new HashMap<>();
        Instant now = Instant.now();
        Map<UUID, String> slugs = new HashMap<>();
        List<Run> gpuRuns = runs.gpuRunsSince(monthStart);
        for (Run run : gpuRuns) {
            double used = run.gpuHoursSince(monthStart, now);
            String project = slugs.computeIfAbsent(run.projectId(), id -> projects.findById(id)
                    .map(io.slipway.project.Project::slug).orElse(id.toString()));
            hours.computeIfAbsent(run.pool(), pool -> new HashMap<>()).merge(project, used, Double::sum);
        }
        Map<String, OrgLoad> loads = new HashMap<>();
        java.util.Set<String> pools = new java.util.HashSet<>(inUse.keySet());
        pools.addAll(hours.keySet());
        for (String pool : pools) {
            loads.put(pool, new OrgLoad(inUse.getOrDefault(pool, Resources.NONE), running.getOrDefault(pool, 0),
                    hours.getOrDefault(pool, Map.of())));
        }
        return loads;
    }
}
