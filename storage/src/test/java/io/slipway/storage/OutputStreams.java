package io.slipway.storage;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Output streams for tests. */
final class OutputStreams {

    static final OutputStream NULL = OutputStream.nullOutputStream();

    private OutputStreams() {
    }

    /** A tee target that keeps only the SHA-256 and count of what it was given. */
    static final class Hashing extends DigestOutputStream {
        private long count;

        Hashing() {
            super(OutputStream.nullOutputStream(), newSha256());
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            super.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            super.write(b);
            count++;
        }

        long count() {
            return count;
        }

        String sha256() {
            return HexFormat.of().formatHex(getMessageDigest().digest());
        }

        private static MessageDigest newSha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
