package io.slipway.artifact;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Artifacts of the current organization (tenant-scoped). */
public interface ArtifactRepository {

    Optional<Artifact> findBySha256(String sha256);

    /** Which of these hashes name a registered artifact. */
    Set<String> registered(Collection<String> sha256s);

    void store(Artifact artifact);
}
