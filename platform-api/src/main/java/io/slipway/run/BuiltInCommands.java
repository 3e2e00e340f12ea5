package io.slipway.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Commands Slipway provides to runs: {@code slipway-train} is the built-in trainer, started with this server's own
 * Java. Any other command is run as given.
 */
final class BuiltInCommands {

    static final String TRAIN = "slipway-train";

    private BuiltInCommands() {
    }

    static List<String> resolve(List<String> command) {
        if (command.isEmpty() || !command.getFirst().equals(TRAIN)) {
            return command;
        }
        List<String> resolved = new ArrayList<>(List.of(java(), "-Xmx512m"));
        if (Runtime.version().feature() >= 24) {
            resolved.add("--sun-misc-unsafe-memory-access=allow"); // protobuf's, through Tribuo's ONNX export
        }
        resolved.addAll(List.of("-cp", trainerClasspath(), "io.slipway.compute.train.Trainer"));
        resolved.addAll(command.subList(1, command.size()));
        return resolved;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }

    /** The directory of the jars the server loaded the trainer from, as a class-path wildcard. */
    private static String trainerClasspath() {
        try {
            Class<?> trainer = Class.forName("io.slipway.compute.train.Trainer");
            java.net.URL location = trainer.getProtectionDomain().getCodeSource().getLocation();
            java.nio.file.Path jar = java.nio.file.Path.of(location.toURI());
            return jar.getParent().resolve("*").toString();
        } catch (ReflectiveOperationException | java.net.URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("The built-in trainer is not available on this server: " + e.getMessage(), e);
        }
    }
}
