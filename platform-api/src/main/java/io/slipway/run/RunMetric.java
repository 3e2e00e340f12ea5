package io.slipway.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One point of a run's metric: its value at a step, when the run reported it. */
@Entity
@Table(name = "run_metrics")
@IdClass(RunMetric.Key.class)
public class RunMetric {

    /** A metric point's key: run, metric name, step. */
    public record Key(UUID runId, String name, long step) implements Serializable {
        public Key() {
            this(null, null, 0);
        }
    }

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Id
    @Column(name = "run_id", nullable = false, updatable = false)
    private UUID runId;

    @Id
    @Column(nullable = false, updatable = false, length = 128)
    private String name;

    @Id
    @Column(nullable = false, updatable = false)
    private long step;

    @Column(name = "metric_value", nullable = false)
    private double value;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected RunMetric() {
    }

    public RunMetric(UUID runId, String name, long step, double value, Instant recordedAt) {
        this.runId = runId;
        this.name = name;
        this.step = step;
        this.value = value;
        this.recordedAt = recordedAt;
    }

    public void update(double newValue, Instant at) {
        this.value = newValue;
        this.recordedAt = at;
    }

    public String name() {
        return name;
    }

    public long step() {
        return step;
    }

    public double value() {
        return value;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
