package io.fabric8.kubernetes.client.jdkhttp;

import io.fabric8.kubernetes.client.http.HttpClient;

/**
 * Stops the JDK HTTP client under a fabric8 client. fabric8's {@code close()} stops its executor but leaves the
 * JDK client's selector thread running while it holds connections or pending exchanges, and that thread keeps the
 * application's class loader alive after an undeploy (a redeployed Slipway ran out of heap). This class lives in
 * fabric8's package because the JDK client is only reachable there; both load from the same web application.
 */
public final class JdkHttpClientShutdown {

    private JdkHttpClientShutdown() {
    }

    public static void shutdownNow(HttpClient client) {
        if (client instanceof JdkHttpClientImpl jdk && jdk.getHttpClient() != null) {
            jdk.getHttpClient().shutdownNow();
        }
    }
}
