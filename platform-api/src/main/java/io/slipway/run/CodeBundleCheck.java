package io.slipway.run;

import io.slipway.artifact.ContentCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an uploaded code bundle before it is kept: the upload is copied to a temporary file as it streams, then
 * read as an archive ({@link BundleArchive#check}); the file is removed whatever the outcome.
 */
final class CodeBundleCheck implements ContentCheck {

    private final long maxUnpackedBytes;
    private final Path spool;
    private final OutputStream tee;
    private BundleArchive.Contents contents;

    CodeBundleCheck(long maxUnpackedBytes) {
        this.maxUnpackedBytes = maxUnpackedBytes;
        try {
            this.spool = Files.createTempFile("slipway-bundle-", ".upload");
            this.tee = Files.newOutputStream(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("No room to check a code bundle", e);
        }
    }

    @Override
    public OutputStream tee() {
        return tee;
    }

    @Override
    public void verify() {
        try {
            tee.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contents = BundleArchive.check(spool, maxUnpackedBytes);
    }

    BundleArchive.Contents contents() {
        return contents;
    }

    @Override
    public void close() {
        try {
            tee.close();
            Files.deleteIfExists(spool);
        } catch (IOException ignored) {
            // a temporary file the system cleans up anyway
        }
    }
}
