package io.slipway.compute.kubernetes;

import io.slipway.compute.Resources;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run as the kubernetes backend starts it: who it belongs to, its image and command, its contract, its size, and
 * the inputs an init container downloads into {@code SLIPWAY_INPUT_DIR} before it starts, and the code bundle it
 * unpacks into {@code SLIPWAY_CODE_DIR} (the run's working directory), if any.
 */
public record RunJob(UUID runId, String org, String project, int number, String image, List<String> command,
                     List<String> args, Map<String, String> env, String token, Resources request, Duration timeout,
                     List<StagedInput> inputs, String fetchImage, StagedBundle codeBundle) {

    /** The image of the init container that downloads inputs when no other is configured. */
    public static final String DEFAULT_FETCH_IMAGE = "curlimages/curl:8.11.1";

    /**
     * A file the run finds in its input directory, downloaded from a (presigned) URL; the URL is a credential, so it
     * travels in the run's Secret, not in the Job.
     *
     * @param fileName its name in the input directory ({@code inputs.json} or {@code <dataset>-v<version>})
     */
    public record StagedInput(String fileName, URI url) {

        public StagedInput {
            if (!fileName.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("An input's file name is a plain name, not " + fileName);
            }
        }
    }

    /**
     * The run's code bundle, downloaded from a (presigned) URL that travels in the run's Secret.
     *
     * @param format {@code tar}, {@code tar.gz} or {@code zip}
     */
    public record StagedBundle(URI url, String format) {

        public StagedBundle {
            if (!List.of("tar", "tar.gz", "zip").contains(format)) {
                throw new IllegalArgumentException("A code bundle is a tar, tar.gz or zip, not " + format);
            }
        }
    }

    public RunJob {
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        fetchImage = fetchImage == null || fetchImage.isBlank() ? DEFAULT_FETCH_IMAGE : fetchImage;
    }

    /** The Job's name (and its token Secret's): {@code slipway-run-<id>}. */
    public String jobName() {
        return "slipway-run-" + runId;
    }
}
