package io.slipway.compute;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the local backend starts: the program and its arguments (no shell in between), the environment it gets
 * on top of a minimal one, and the directory it starts in.
 */
public record LaunchSpec(List<String> command, Map<String, String> environment, Path workingDirectory) {

    public LaunchSpec {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("A launch needs a program to start");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
