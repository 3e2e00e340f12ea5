package io.slipway.artifact;

import io.slipway.api.ProblemException;
import java.io.OutputStream;

/**
 * What an upload's content must pass before it is kept: it sees every byte as the upload streams (through
 * {@link #tee()}) and then judges it. A rejected upload leaves nothing behind.
 */
public interface ContentCheck extends AutoCloseable {

    /** Accepts everything and looks at nothing. */
    ContentCheck NONE = new ContentCheck() {
        @Override
        public OutputStream tee() {
            return null;
        }

        @Override
        public void verify() {
        }

        @Override
        public void close() {
        }
    };

    /** Receives a copy of every byte of the upload, or null when the check needs none. */
    OutputStream tee();

    /** Judges the complete content; throws a 4xx {@link ProblemException} to reject it. */
    void verify();

    /** Releases what the check held (temporary files); never throws. */
    @Override
    void close();
}
