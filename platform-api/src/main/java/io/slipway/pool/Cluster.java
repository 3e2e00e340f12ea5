package io.slipway.pool;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.slipway.compute.kubernetes.KubernetesBackend;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kubernetes cluster of the kubernetes pools, connected on first use: in a pod, with its service account; else
 * with the kubeconfig; {@code slipway.kubernetes.master-url} names the API server when neither does. Nothing
 * connects while no kubernetes pool is defined.
 */
@ApplicationScoped
public class Cluster {

    private final Optional<String> masterUrl;
    private final Duration requestTimeout;
    private volatile KubernetesClient client;
    private volatile KubernetesBackend backend;
    private volatile String apiServer;
    private volatile boolean closed;

    @Inject
    public Cluster(@ConfigProperty(name = "slipway.kubernetes.master-url") Optional<String> masterUrl,
                   @ConfigProperty(name = "slipway.kubernetes.request-timeout", defaultValue = "PT10S")
                   Duration requestTimeout) {
        this.masterUrl = masterUrl.filter(url -> !url.isBlank());
        this.requestTimeout = requestTimeout;
    }

    protected Cluster() {
        this(Optional.empty(), Duration.ofSeconds(10));
    }

    public KubernetesBackend backend() {
        KubernetesBackend connected = backend;
        if (connected == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("Slipway is stopping: no new connection to the cluster");
                }
                if (backend == null) {
                    Config config = Config.autoConfigure(null);
                    masterUrl.ifPresent(config::setMasterUrl);
                    config.setRequestTimeout((int) requestTimeout.toMillis());
                    config.setConnectionTimeout((int) Math.min(requestTimeout.toMillis(), 5000));
                    // Slipway's own passes try again: a call that fails says so at once, not after ten retries
                    config.setRequestRetryBackoffLimit(1);
                    client = new KubernetesClientBuilder().withConfig(config).build();
                    apiServer = config.getMasterUrl();
                    backend = new KubernetesBackend(client);
                }
                connected = backend;
            }
        }
        return connected;
    }

    /**
     * What went wrong talking to the cluster: "cannot reach <API server> (<cause>)" when no answer came, else the
     * API server's refusal as fabric8 words it.
     */
    public String describe(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        String where = apiServer == null ? "the cluster's API server" : apiServer;
        if (root instanceof java.io.IOException || root instanceof java.nio.channels.UnresolvedAddressException) {
            return "cannot reach " + where + " (" + cause + ")";
        }
        String message = failure.getMessage() == null ? cause : failure.getMessage().replaceAll("\\s+", " ").strip();
        return where + ": " + message + (root == failure ? "" : " (" + cause + ")");
    }

    /** Closes the client and the JDK HTTP client under it, whose thread would otherwise outlive the application. */
    @PreDestroy
    synchronized void close() {
        closed = true;
        if (client != null) {
            io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientShutdown.shutdownNow(client.getHttpClient());
            client.close();
        }
    }
}
