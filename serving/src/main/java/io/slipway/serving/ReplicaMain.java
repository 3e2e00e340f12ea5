package io.slipway.serving;

/**
 * Runs a standalone serving replica from its {@code SLIPWAY_REPLICA_*} environment (see {@link ReplicaSettings})
 * until the process is stopped. Exits 2 with the reason when the settings are incomplete, 3 when the model does
 * not load (its bytes are not the registered ones, or ONNX Runtime refuses them).
 */
public final class ReplicaMain {

    private ReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        ReplicaSettings settings;
        try {
            settings = ReplicaSettings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("slipway serving replica: " + e.getMessage());
            System.exit(2);
            return;
        }
        ServingReplica replica;
        try {
            replica = ServingReplica.start(settings);
        } catch (UnloadableModelException e) {
            System.err.println("slipway serving replica: " + e.getMessage());
            System.exit(3);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close, "replica-shutdown"));
        System.out.println("slipway serving replica: " + settings.deployment() + " v" + settings.version()
                + " answers on port " + replica.port());
        Thread.currentThread().join();
    }
}
