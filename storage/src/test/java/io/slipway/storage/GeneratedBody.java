package io.slipway.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request body of {@code length} pseudo-random bytes that exists in no buffer: byte {@code p} is a function
 * of the seed and {@code p}, so two bodies with the same seed are the same bytes however they are read. It can
 * break off with an {@link IOException} after {@code failAfter} bytes, like a client that disconnects.
 */
final class GeneratedBody extends InputStream {

    private final long seed;
    private final long length;
    private final long failAfter;
    private long position;

    private GeneratedBody(long seed, long length, long failAfter) {
        this.seed = seed;
        this.length = length;
        this.failAfter = failAfter;
    }

    static GeneratedBody of(long seed, long length) {
        return new GeneratedBody(seed, length, Long.MAX_VALUE);
    }

    /** A body announced as {@code length} bytes whose reads fail once {@code failAfter} bytes were served. */
    static GeneratedBody failingAfter(long seed, long length, long failAfter) {
        return new GeneratedBody(seed, length, failAfter);
    }

    /** The SHA-256 of the body {@code of(seed, length)}, computed by streaming it once more. */
    static String sha256(long seed, long length) {
        try (DigestInputStream in = new DigestInputStream(of(seed, length), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStreams.NULL);
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= failAfter) {
            throw new IOException("Connection reset by peer (simulated after " + position + " bytes)");
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, Math.min(length, failAfter) - position);
        // at most 64 KiB per read, like a socket
        n = Math.min(n, 64 * 1024);
        long word = mix(seed + (position >>> 3));
        for (int i = 0; i < n; i++) {
            long p = position + i;
            if ((p & 7) == 0) {
                word = mix(seed + (p >>> 3));
            }
            b[off + i] = (byte) (word >>> ((p & 7) << 3));
        }
        position += n;
        return n;
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
