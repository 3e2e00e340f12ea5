package io.slipway.it.support;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster of the test server's kubernetes pools: fabric8's mock API server in CRUD mode on
 * {@code slipway.it.kube.port} (where the server's {@code slipway.kubernetes.master-url} points), started once for
 * the test JVM and kept until it exits. It stores what it is sent as an API server would; the tests play Kueue
 * and the kubelet (unsuspend a Job, give it a pod, a status, a log). Pod logs, which CRUD mode has not, are what
 * {@link #podLog} set.
 */
public final class MockCluster {

    private static MockCluster shared;

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Map<String, String> podLogs = new ConcurrentHashMap<>();

    private MockCluster(int port) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        Dispatcher crud = new KubernetesMixedDispatcher(responses);
        Dispatcher withLogs = new Dispatcher() {
            private final Pattern log = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log.*");

            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Matcher matched = log.matcher(request.getPath());
                if (matched.matches()) {
                    return new MockResponse().setResponseCode(200)
                            .setBody(podLogs.getOrDefault(matched.group(1) + "/" + matched.group(2), ""));
                }
                return crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, withLogs, false);
        server.init(InetAddress.getLoopbackAddress(), port);
        client = server.createClient();
    }

    /** The cluster, started on first use. */
    public static synchronized MockCluster shared() {
        if (shared == null) {
            shared = new MockCluster(Integer.getInteger("slipway.it.kube.port", 19443));
            MockCluster started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.client.close();
                started.server.destroy();
            }));
        }
        return shared;
    }

    public KubernetesClient client() {
        return client;
    }

    /** What the pod's container has written so far, as the API server serves it (a timestamp before each line). */
    public void podLog(String namespace, String pod, String text) {
        podLogs.put(namespace + "/" + pod, text);
    }
}
