package io.slipway.serving;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Every deployment this process serves, by key, in memory: the hot path finds its route here without a database
 * read. The key is the caller's choice (the server uses the deployment's id).
 */
public final class Routes {

    private final ConcurrentMap<String, Route> byKey = new ConcurrentHashMap<>();

    public Optional<Route> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The route of that key, made by {@code create} if there is none. */
    public Route open(String key, Function<String, Route> create) {
        return byKey.computeIfAbsent(key, create);
    }

    /** Removes the route and releases its models. */
    public void close(String key) {
        Route route = byKey.remove(key);
        if (route != null) {
            route.close();
        }
    }

    /** Releases every route: when the process stops. */
    public void closeAll() {
        byKey.keySet().forEach(this::close);
    }

    public int size() {
        return byKey.size();
    }
}
