package io.slipway.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Metadata of a model upload (the {@code metadata} part of a multipart upload; a raw upload gives only
 * {@code format}, {@code framework} and {@code description} through the query).
 *
 * @param format   onnx, pickle, joblib, zip, pmml or other; by default taken from the file name's extension
 * @param params   hyper-parameters: names to strings, numbers or booleans
 * @param metrics  evaluation results: names to numbers
 * @param datasets the dataset versions the model was trained on, as {@code name:version}
 * @param run      the run that produced the model
 */
public record NewModelVersion(
        @Size(max = 2000, message = "must be at most 2000 characters") String description,
        @Pattern(regexp = "onnx|pickle|joblib|zip|pmml|other",
                message = "must be one of onnx, pickle, joblib, zip, pmml, other") String format,
        @Size(max = 64, message = "must be at most 64 characters") String framework,
        @Size(max = 200, message = "may hold at most 200 entries") Map<@Size(min = 1, max = 128) String, Object> params,
        @Size(max = 200, message = "may hold at most 200 entries")
        Map<@Size(min = 1, max = 128) String, @DecimalMax("1e300") Double> metrics,
        @Size(max = 50, message = "may hold at most 50 tags") List<@Pattern(regexp = "[A-Za-z0-9._:/-]{1,64}",
                message = "tags are 1-64 letters, digits or ._:/-") String> tags,
        @Size(max = 50, message = "may name at most 50 dataset versions")
        List<@Pattern(regexp = "[a-z0-9-]{1,63}:[0-9]{1,9}", message = "must look like name:version") String> datasets,
        UUID run,
        @Valid Source source) {

    /** Where the model's code came from. */
    public record Source(
            @Size(max = 512, message = "must be at most 512 characters") String repository,
            @Pattern(regexp = "[0-9a-fA-F]{7,64}", message = "must be a commit hash") String commit) {
    }

    public static NewModelVersion fromQuery(String description, String format, String framework) {
        return new NewModelVersion(description, format, framework, null, null, null, null, null, null);
    }
}
