package io.slipway.run;

import java.time.Instant;
import java.util.UUID;

/** A code bundle as the API shows it; {@code id} is what a run's {@code codeBundle} names. */
public record CodeBundleView(UUID id, String sha256, long sizeBytes, String fileName, String format, int files,
                             long unpackedBytes, Instant createdAt, String createdBy) {

    static CodeBundleView of(CodeBundle bundle) {
        return new CodeBundleView(bundle.id(), bundle.sha256(), bundle.sizeBytes(), bundle.fileName(),
                bundle.format().label(), bundle.files(), bundle.unpackedBytes(), bundle.createdAt(),
                bundle.createdBy());
    }
}
