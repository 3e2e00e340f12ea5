package io.slipway.compute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who of a pool's queue starts now. Within an organization runs start in the order they were queued; across
 * organizations the one using the smallest share of its quota goes first (fair share), its share taken after each
 * admission. An organization at its quota waits with that reason while the others go on; a run that does not fit
 * in the pool's free capacity waits with that reason while smaller runs of other organizations may start.
 */
public final class Admission {

    private Admission() {
    }

    /** A queued run: its organization, when it was queued and what it asks for. */
    public record Candidate(UUID runId, UUID orgId, String orgName, Instant queuedAt, Resources request) {
    }

    /** What an organization has running on the pool, and its GPU-hours this month. */
    public record Usage(Resources inUse, int runs, double gpuHoursThisMonth) {
        public static final Usage NONE = new Usage(Resources.NONE, 0, 0);

        Usage with(Resources request) {
            return new Usage(inUse.plus(request), runs + 1, gpuHoursThisMonth);
        }
    }

    /** The runs to start, and for each run that waits, why. */
    public record Decision(List<UUID> admitted, Map<UUID, String> waiting) {
    }

    /**
     * @param poolName  for the reasons people read
     * @param capacity  the pool's whole capacity
     * @param free      what is not in use now
     * @param queued    the pool's queued runs, oldest first
     */
    public static Decision decide(String poolName, Resources capacity, Resources free, List<Candidate> queued,
                                  Map<UUID, Usage> usage, Map<UUID, Quota> quotas) {
        Map<UUID, List<Candidate>> byOrg = new LinkedHashMap<>();
        for (Candidate candidate : queued) {
            byOrg.computeIfAbsent(candidate.orgId(), org -> new ArrayList<>()).add(candidate);
        }
        Map<UUID, Usage> using = new HashMap<>(usage);
        Map<UUID, String> waiting = new LinkedHashMap<>();
        List<UUID> admitted = new ArrayList<>();
        Resources left = free;
        while (!byOrg.isEmpty()) {
            UUID org = fairest(byOrg, using, quotas, capacity);
            List<Candidate> line = byOrg.get(org);
            Candidate head = line.getFirst();
            Usage current = using.getOrDefault(org, Usage.NONE);
            Quota quota = quotas.getOrDefault(org, Quota.NONE);
            Optional<String> overQuota = overQuota(poolName, head, current, quota);
            if (overQuota.isPresent()) {
                line.forEach(run -> waiting.put(run.runId(), overQuota.get()));
                byOrg.remove(org);
                continue;
            }
            if (!left.holds(head.request())) {
                String reason = "capacity: " + poolName + " has " + left.describe() + " free; this run needs "
                        + head.request().describe();
                waiting.put(head.runId(), reason);
                line.stream().skip(1).forEach(run -> waiting.put(run.runId(),
                        "capacity: waiting behind an earlier run of " + run.orgName()));
                byOrg.remove(org);
                continue;
            }
            admitted.add(head.runId());
            left = left.minus(head.request());
            using.put(org, current.with(head.request()));
            line.removeFirst();
            if (line.isEmpty()) {
                byOrg.remove(org);
            }
        }
        return new Decision(List.copyOf(admitted), Map.copyOf(waiting));
    }

    /** The share of its quota (or, without one, of the pool) that the organization uses: its largest dimension. */
    static double share(Usage usage, Quota quota, Resources capacity) {
        double runs = quota.maxConcurrentRuns().isPresent()
                ? ratio(usage.runs(), quota.maxConcurrentRuns().getAsInt()) : 0;
        double gpus = quota.maxGpus().isPresent() ? ratio(usage.inUse().gpus(), quota.maxGpus().getAsInt())
                : ratio(usage.inUse().gpus(), capacity.gpus());
        double cpus = ratio(usage.inUse().cpuMillis(), capacity.cpuMillis());
        return Math.max(runs, Math.max(gpus, cpus));
    }

    private static UUID fairest(Map<UUID, List<Candidate>> byOrg, Map<UUID, Usage> using, Map<UUID, Quota> quotas,
                                Resources capacity) {
        return byOrg.entrySet().stream()
                .min(Comparator.<Map.Entry<UUID, List<Candidate>>>comparingDouble(entry -> share(
                                using.getOrDefault(entry.getKey(), Usage.NONE),
                                quotas.getOrDefault(entry.getKey(), Quota.NONE), capacity))
                        .thenComparing(entry -> entry.getValue().getFirst().queuedAt()))
                .orElseThrow().getKey();
    }

    private static Optional<String> overQuota(String poolName, Candidate head, Usage usage, Quota quota) {
        String org = head.orgName();
        if (quota.maxConcurrentRuns().isPresent() && usage.runs() + 1 > quota.maxConcurrentRuns().getAsInt()) {
            return Optional.of("quota: " + org + " has " + usage.runs() + " of " + quota.maxConcurrentRuns().getAsInt()
                    + " concurrent run" + (quota.maxConcurrentRuns().getAsInt() == 1 ? "" : "s") + " on " + poolName
                    + " running");
        }
        if (head.request().gpus() > 0 && quota.maxGpus().isPresent()
                && usage.inUse().gpus() + head.request().gpus() > quota.maxGpus().getAsInt()) {
            return Optional.of("quota: " + org + " uses " + usage.inUse().gpus() + " of " + quota.maxGpus().getAsInt()
                    + " GPUs on " + poolName + "; this run needs " + head.request().gpus());
        }
        if (head.request().gpus() > 0 && quota.gpuHoursPerMonth().isPresent()
                && usage.gpuHoursThisMonth() >= quota.gpuHoursPerMonth().getAsDouble()) {
            return Optional.of("quota: " + org + " has used its " + quota.gpuHoursPerMonth().getAsDouble()
                    + " GPU-hours on " + poolName + " this month");
        }
        return Optional.empty();
    }

    private static double ratio(double used, double limit) {
        return limit <= 0 ? (used > 0 ? Double.MAX_VALUE : 0) : used / limit;
    }
}
