package io.slipway.bench;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A pseudo-random artifact of a given size, generated as it is read: never whole in memory, never on disk.
 * One 1 MiB block of {@link SplittableRandom} bytes (from the seed) is reused for every MiB, its first 16
 * bytes overwritten with the seed and the block's index, so no two MiB of one artifact are equal and two seeds
 * give two different artifacts. The same seed gives the same bytes. Every byte read is also hashed (SHA-256).
 */
final class GeneratedArtifact extends InputStream {

    static final int BLOCK = 1 << 20;

    private final long seed;
    private final long size;
    private final byte[] block = new byte[BLOCK];
    private final ByteBuffer stamp = ByteBuffer.wrap(block, 0, 16);
    private final MessageDigest sha256 = sha256();
    private long position;

    GeneratedArtifact(long seed, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        this.seed = seed;
        this.size = size;
        new SplittableRandom(seed).nextBytes(block);
    }

    long seed() {
        return seed;
    }

    long size() {
        return size;
    }

    /** How many bytes have been read so far. */
    long position() {
        return position;
    }

    /** The SHA-256 of the artifact of this seed and size, by generating it once (as a client hashes its file). */
    static String sha256Of(long seed, long size) {
        GeneratedArtifact artifact = new GeneratedArtifact(seed, size);
        byte[] buffer = new byte[BLOCK];
        while (artifact.read(buffer, 0, buffer.length) >= 0) {
            // reading hashes
        }
        return artifact.sha256Hex();
    }

    /** SHA-256 of the bytes read so far, in hex; call it once, at the end (it resets the digest). */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= size) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int inBlock = (int) (position % BLOCK);
        if (inBlock == 0) {
            stamp.putLong(0, seed).putLong(8, position / BLOCK);
        }
        int n = (int) Math.min(Math.min(len, BLOCK - inBlock), size - position);
        System.arraycopy(block, inBlock, b, off, n);
        sha256.update(b, off, n);
        position += n;
        return n;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
