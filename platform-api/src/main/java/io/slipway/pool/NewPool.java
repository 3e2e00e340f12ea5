package io.slipway.pool;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A pool as a platform admin defines it ({@code POST /api/v1/pools}; posting an existing name redefines it).
 *
 * @param backend          {@code local} or {@code kubernetes}
 * @param accelerator      {@code none}, or the GPU model, e.g. {@code nvidia-h100}
 * @param cpusPerNode      cores per node; fractions allowed
 * @param purposes         {@code training}, {@code serving}, or both
 * @param nodeSelector     Kubernetes only: labels a node must carry
 * @param tolerations      Kubernetes only: tolerations as the pod spec writes them
 * @param namespacePattern Kubernetes only: the tenant namespace, {@code {org}} standing for the organization
 */
public record NewPool(
        @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9-]{1,63}", message = "must be 1-63 lowercase letters, digits or '-'") String name,
        @NotNull(message = "is required") @Pattern(regexp = "local|kubernetes", message = "must be local or kubernetes") String backend,
        @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be 'none' or a GPU model such as nvidia-h100") String accelerator,
        @Min(value = 0, message = "must be 0 or more") @Max(value = 64, message = "must be at most 64") Integer gpusPerNode,
        @Min(value = 1, message = "must be 1 or more") @Max(value = 10000, message = "must be at most 10000") Integer nodes,
        @NotNull(message = "is required") @DecimalMin(value = "0.1", message = "must be at least 0.1") Double cpusPerNode,
        @NotNull(message = "is required") @Min(value = 64, message = "must be at least 64 MiB") Long memoryMibPerNode,
        @Size(min = 1, max = 2, message = "must name training, serving or both")
        List<@Pattern(regexp = "training|serving", message = "must be training or serving") String> purposes,
        @Size(max = 20, message = "may hold at most 20 labels") Map<String, String> nodeSelector,
        @Size(max = 20, message = "may hold at most 20 tolerations") List<Map<String, String>> tolerations,
        @Pattern(regexp = "[a-z0-9{}-]{1,63}", message = "must be a namespace name, {org} standing for the organization")
        String namespacePattern) {
}
