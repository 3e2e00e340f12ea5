package io.slipway.run;

import io.slipway.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a run's log: from this server's memory while it runs here (every line so far), else from the chunks in
 * object storage (what the running server wrote up to a second ago, or all of it once the run ended).
 */
@ApplicationScoped
public class RunLogs {

    private final LocalRuns local;
    private final ObjectStore store;

    @Inject
    public RunLogs(LocalRuns local, ObjectStore store) {
        this.local = local;
        this.store = store;
    }

    protected RunLogs() {
        this(null, null);
    }

    /** The log's lines from {@code from} on; {@code chunks} is the run row's count of stored chunks. */
    List<String> lines(java.util.UUID orgId, java.util.UUID runId, int chunks, int from) {
        var live = local.liveLog(runId);
        if (live.isPresent()) {
            return live.get().since(from);
        }
        List<String> lines = new ArrayList<>();
        String bucket = store.bucketFor(orgId);
        for (int chunk = 0; chunk < chunks; chunk++) {
            try (InputStream content = store.open(bucket, RunLog.chunkKey(runId, chunk))) {
                String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                text.lines().forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return from >= lines.size() ? List.of() : lines.subList(from, lines.size());
    }
}
