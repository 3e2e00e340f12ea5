package io.slipway.promotion;

import com.fasterxml.jackson.core.type.TypeReference;
import io.slipway.api.Json;
import io.slipway.registry.Stage;
import io.slipway.registry.StageConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A project's promotion policy. A project without one has {@link #defaults}: staging needs no approval,
 * production needs one, the previous holder returns to development, no gates, gates over production pass
 * while nothing holds it, and no admin override.
 */
@Entity
@Table(name = "promotion_policies")
public class PromotionPolicy {

    @Id
    @Column(name = "project_id")
    private UUID projectId;

    @TenantId
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "staging_requires_approval", nullable = false)
    private boolean stagingRequiresApproval;

    @Column(name = "production_approvals", nullable = false)
    private int productionApprovals;

    @Convert(converter = StageConverter.class)
    @Column(name = "previous_holder_to", nullable = false, length = 16)
    private Stage previousHolderTo;

    @Column(name = "gates_json", nullable = false, length = 100_000)
    private String gatesJson;

    @Column(name = "gates_without_production", nullable = false, length = 8)
    private String gatesWithoutProduction;

    @Column(name = "admin_override", nullable = false)
    private boolean adminOverride;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_by_name", nullable = false, length = 255)
    private String updatedByName;

    @Version
    @Column(name = "row_version", nullable = false)
    private int rowVersion;

    protected PromotionPolicy() {
    }

    static PromotionPolicy defaults(UUID projectId) {
        PromotionPolicy policy = new PromotionPolicy();
        policy.projectId = projectId;
        policy.stagingRequiresApproval = false;
        policy.productionApprovals = 1;
        policy.previousHolderTo = Stage.DEVELOPMENT;
        policy.gatesJson = "[]";
        policy.gatesWithoutProduction = "pass";
        policy.adminOverride = false;
        return policy;
    }

    void change(PolicyInput input, Instant at, String byId, String byName) {
        this.stagingRequiresApproval = input.stagingRequiresApproval();
        this.productionApprovals = input.productionApprovals();
        this.previousHolderTo = Stage.fromLabel(input.previousHolderTo()).orElseThrow();
        this.gatesJson = Json.write(input.gates());
        this.gatesWithoutProduction = input.gatesWithoutProduction();
        this.adminOverride = input.adminOverride();
        this.updatedAt = at;
        this.updatedBy = byId;
        this.updatedByName = byName;
    }

    /** How many approvals a request for this stage needs; 0 means it moves the stage when it is made. */
    int approvalsFor(Stage stage) {
        return switch (stage) {
            case PRODUCTION -> productionApprovals;
            case STAGING -> stagingRequiresApproval ? 1 : 0;
            default -> throw new IllegalArgumentException("Nothing is promoted to " + stage.label());
        };
    }

    List<Gate> gates() {
        return Json.read(gatesJson, new TypeReference<List<Gate>>() { });
    }

    Stage previousHolderTo() {
        return previousHolderTo;
    }

    boolean gatesPassWithoutProduction() {
        return "pass".equals(gatesWithoutProduction);
    }

    boolean adminOverride() {
        return adminOverride;
    }

    PolicyView view() {
        return new PolicyView(stagingRequiresApproval, productionApprovals, previousHolderTo.label(), gates(),
                gatesWithoutProduction, adminOverride, updatedAt, updatedByName);
    }
}
