package io.slipway.serving;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sessions by the SHA-256 of their bytes, where they run, and whose they are: deployments of one tenant that serve
 * the same bytes share one ONNX Runtime session instead of loading it again (never across tenants, whose load
 * times would otherwise tell one what the other serves). The cache holds no reference of its own, so a session lives
 * exactly as long as a route uses it; a session closed meanwhile is loaded afresh.
 */
public final class ModelCache {

    private record Key(String owner, String sha256, ExecutionTarget target) {
    }

    /** Loads the model on a miss (opening its bytes only then). */
    @FunctionalInterface
    public interface Loading {
        LoadedModel load() throws UnloadableModelException, IOException;
    }

    private final Map<Key, LoadedModel> models = new HashMap<>();

    /**
     * The session for these bytes of {@code owner} (the tenant), with one reference for the caller (who releases it): the one already loaded,
     * if any is still open, or the one {@code loading} makes.
     */
    public synchronized LoadedModel acquire(String owner, String sha256, ExecutionTarget target, Loading loading)
            throws UnloadableModelException, IOException {
        Key key = new Key(owner, sha256, target);
        LoadedModel cached = models.get(key);
        if (cached != null && cached.retain()) {
            return cached;
        }
        models.values().removeIf(LoadedModel::isClosed);
        LoadedModel loaded = loading.load();
        models.put(key, loaded);
        return loaded;
    }

    /** Sessions held now (open ones only). */
    public synchronized int size() {
        models.values().removeIf(LoadedModel::isClosed);
        return models.size();
    }
}
