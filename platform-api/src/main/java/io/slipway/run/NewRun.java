package io.slipway.run;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A run as {@code POST .../runs} takes it.
 *
 * @param pool           the compute pool, {@code local-cpu} by default
 * @param command        the program and its first arguments, exec form (no shell); {@code slipway-train} is the
 *                       built-in trainer
 * @param args           more arguments, appended to the command
 * @param image          a container image, for kubernetes pools
 * @param env            environment variables on top of the run's contract ({@code SLIPWAY_*} are reserved)
 * @param inputs         dataset versions, {@code name:version}, downloaded into {@code SLIPWAY_INPUT_DIR}
 * @param params         hyper-parameters, kept with the run and given to its output model versions
 * @param timeoutSeconds how long it may run, 1 hour by default, at most 7 days
 * @param outputs        files the run leaves in {@code SLIPWAY_OUTPUT_DIR} (or uploads) that become model versions
 * @param codeBundle     the id of one of the project's code bundles, unpacked into {@code SLIPWAY_CODE_DIR}, the
 *                       run's working directory
 */
public record NewRun(
        @Size(max = 128, message = "must be at most 128 characters") String name,
        @Pattern(regexp = "[a-z0-9-]{1,63}", message = "must be a pool name") String pool,
        @Size(min = 1, max = 100, message = "must hold 1 to 100 entries")
        List<@NotBlank(message = "must not be blank") @Size(max = 4096, message = "must be at most 4096 characters") String> command,
        @Size(max = 100, message = "may hold at most 100 entries")
        List<@Size(max = 4096, message = "must be at most 4096 characters") String> args,
        @Size(max = 512, message = "must be at most 512 characters") String image,
        @Size(max = 100, message = "may hold at most 100 variables")
        Map<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,127}", message = "must be an environment variable name") String,
                @Size(max = 4096, message = "must be at most 4096 characters") String> env,
        @Size(max = 20, message = "may name at most 20 dataset versions")
        List<@Pattern(regexp = "[a-z0-9-]{1,63}:[0-9]{1,9}", message = "must look like name:version") String> inputs,
        @Size(max = 200, message = "may hold at most 200 entries") Map<@Size(min = 1, max = 128) String, Object> params,
        @Valid RunResources resources,
        @Min(value = 1, message = "must be at least 1 second") @Max(value = 604_800, message = "must be at most 7 days (604800)")
        Long timeoutSeconds,
        @Size(max = 10, message = "may declare at most 10 outputs") List<@Valid Output> outputs,
        @Size(max = 36, message = "must be a code bundle's id") String codeBundle) {

    /** What the run asks of its pool; CPUs may be fractions. */
    public record RunResources(
            @DecimalMin(value = "0.01", message = "must be at least 0.01") @DecimalMax(value = "1024", message = "must be at most 1024") Double cpu,
            @Min(value = 16, message = "must be at least 16 MiB") @Max(value = 4_194_304, message = "must be at most 4 TiB") Long memoryMib,
            @Min(value = 0, message = "must be 0 or more") @Max(value = 64, message = "must be at most 64") Integer gpus) {
    }

    /** A file of the output directory that becomes a version of the named model. */
    public record Output(
            @NotBlank(message = "is required") @Pattern(regexp = "(?!(.*/)?\\.\\.?(/.*)?$)[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*", message = "must be a relative path inside the output directory") String path,
            @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9-]{1,63}", message = "must be a model name") String model) {
    }
}
