package io.slipway.run;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a run was asked to do, stored with it as JSON once admitted to the queue. */
public record RunSpec(List<String> command, String image, Map<String, String> env, List<String> inputs,
                      Map<String, Object> params, List<NewRun.Output> outputs, CodeBundleRef codeBundle) {

    /** The code bundle the run starts from: which one, its bytes and how they unpack. */
    public record CodeBundleRef(UUID id, String sha256, String format) {
    }

    /** The program and all its arguments. */
    public List<String> commandLine() {
        return command == null ? List.of() : command;
    }
}
