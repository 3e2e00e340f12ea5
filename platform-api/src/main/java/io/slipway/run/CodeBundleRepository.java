package io.slipway.run;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The projects' code bundles, within the current organization. */
public interface CodeBundleRepository {

    void store(CodeBundle bundle);

    Optional<CodeBundle> find(UUID projectId, UUID id);

    Optional<CodeBundle> findBySha256(UUID projectId, String sha256);

    /** Newest first. */
    List<CodeBundle> newest(UUID projectId, int limit);
}
