package io.slipway.run;

import java.util.List;
import java.util.Map;

/** What a run was asked to do, stored with it as JSON once admitted to the queue. */
public record RunSpec(List<String> command, String image, Map<String, String> env, List<String> inputs,
                      Map<String, Object> params, List<NewRun.Output> outputs) {

    /** The program and all its arguments. */
    public List<String> commandLine() {
        return command == null ? List.of() : command;
    }
}
