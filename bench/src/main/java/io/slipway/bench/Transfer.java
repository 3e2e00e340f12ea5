package io.slipway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One measured transfer.
 *
 * @param bytes      bytes moved
 * @param nanos      wall-clock time from the first request to the last byte (upload: to the response)
 * @param sha256     SHA-256 of the bytes the client sent or received, hex
 * @param tailNanos  for an upload, the time between the client writing the last byte and the response; -1 when
 *                   not measured
 */
record Transfer(long bytes, long nanos, String sha256, long tailNanos) {

    private static final int READ_BUFFER = 256 * 1024;

    double seconds() {
        return nanos / 1e9;
    }

    /** Decimal megabytes (10^6 bytes) per second. */
    double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }

    double mebibytesPerSecond() {
        return bytes / (1024.0 * 1024.0) / seconds();
    }

    /** Reads {@code in} to its end, counting and hashing; the caller times it and closes the stream. */
    static Drained drain(InputStream in) throws IOException {
        MessageDigest sha256 = GeneratedArtifact.sha256();
        byte[] buffer = new byte[READ_BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sha256.update(buffer, 0, n);
            total += n;
        }
        return new Drained(total, HexFormat.of().formatHex(sha256.digest()));
    }

    /** What {@link #drain} read. */
    record Drained(long bytes, String sha256) {
    }
}
