package io.slipway.registry;

import io.slipway.artifact.ArtifactLimits;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where uploaded models wait for inspection: one directory of the server's, and a budget of bytes that all the
 * copies in flight share. A copy stops growing (and is marked so) when its model is too large to inspect or the
 * budget is spent, so no upload can fill the disk; each copy is deleted when its check closes, on every path, and
 * whatever a previous run left behind (a killed server) is deleted when the spool is created.
 */
public final class InspectionSpool {

    private static final Logger LOG = Logger.getLogger(InspectionSpool.class.getName());

    private final Path dir;
    private final long budgetBytes;
    private final AtomicLong used = new AtomicLong();

    public InspectionSpool(Path dir, long budgetBytes) {
        this.dir = dir.toAbsolutePath();
        this.budgetBytes = budgetBytes;
        try {
            Files.createDirectories(this.dir);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(this.dir)) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the directory for models awaiting inspection, " + dir, e);
        }
        LOG.info(() -> "Models awaiting inspection are copied to " + this.dir + " (at most "
                + ArtifactLimits.describe(budgetBytes) + " at once)");
    }

    public Path dir() {
        return dir;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** Bytes the copies in flight hold now. */
    public long usedBytes() {
        return used.get();
    }

    /** A new, empty copy that keeps at most {@code maxBytes}. */
    Copy open(long maxBytes) {
        try {
            Files.createDirectories(dir); // in case something cleaned the temporary directory meanwhile
            return new Copy(Files.createTempFile(dir, "upload-", ".onnx"), maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a file in " + dir, e);
        }
    }

    /** What became of a copy once its upload ended. */
    enum State {
        /** Every byte is in the file. */
        COMPLETE,
        /** The upload is larger than a model may be to be inspected; the file holds only its start. */
        TOO_LARGE,
        /** The spool's budget was spent by other uploads in flight. */
        NO_SPACE,
        /** The file could not be written (a disk error). */
        FAILED
    }

    /** One upload's copy: the tee of its content check. Never throws while written to. */
    final class Copy extends OutputStream {

        private final Path file;
        private final long maxBytes;
        private final OutputStream out;
        private long size;
        private long reserved;
        private State state = State.COMPLETE;
        private boolean closed;

        private Copy(Path file, long maxBytes) throws IOException {
            this.file = file;
            this.maxBytes = maxBytes;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        }

        Path file() {
            return file;
        }

        /** Every byte the upload carried, kept or not. */
        long size() {
            return size;
        }

        State state() {
            return state;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            size += length;
            if (state != State.COMPLETE) {
                return;
            }
            if (size > maxBytes) {
                stop(State.TOO_LARGE);
                return;
            }
            if (used.addAndGet(length) > budgetBytes) {
                used.addAndGet(-length);
                stop(State.NO_SPACE);
                return;
            }
            reserved += length;
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot write the copy of a model awaiting inspection", e);
                stop(State.FAILED);
            }
        }

        /** Ends the upload: the file is complete on disk (when the state is {@link State#COMPLETE}). */
        State finish() {
            if (!closed) {
                closed = true;
                try {
                    out.close();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Cannot write the copy of a model awaiting inspection", e);
                    state = State.FAILED;
                }
            }
            return state;
        }

        private void stop(State reason) {
            state = reason;
            release();
        }

        /** The file is deleted and its bytes returned to the budget. */
        @Override
        public void close() {
            finish();
            release();
        }

        private void release() {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file goes anyway
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot delete " + file, e);
            }
            used.addAndGet(-reserved);
            reserved = 0;
        }
    }
}
