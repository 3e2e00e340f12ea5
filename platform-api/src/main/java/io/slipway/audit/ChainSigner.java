package io.slipway.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs what an audit chain claims about itself — its head and its checkpoints — with HMAC-SHA256 under a key
 * that lives outside the database ({@code SLIPWAY_AUDIT_KEY}). Anyone who can write the database can rehash
 * events, but without the key cannot sign a head or checkpoint for a chain they shortened or rewrote.
 */
public final class ChainSigner {

    /** Shortest key accepted, in bytes: the length of the HMAC's output. */
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public ChainSigner(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("The audit key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** Signature of a chain's head: its last event, and the latest checkpoint it builds on. */
    public String head(String chain, ChainState state) {
        return mac("head|" + chain + "|" + state.lastSeq() + "|" + state.lastHash() + "|" + state.checkpointSeq());
    }

    /** Signature of a checkpoint: event {@code seq} of the chain has hash {@code hash}. */
    public String checkpoint(String chain, long seq, String hash) {
        return mac("checkpoint|" + chain + "|" + seq + "|" + hash);
    }

    public boolean signsHead(String chain, ChainState state, String mac) {
        return same(head(chain, state), mac);
    }

    public boolean signsCheckpoint(String chain, long seq, String hash, String mac) {
        return same(checkpoint(chain, seq, hash), mac);
    }

    private static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String statement) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return HexFormat.of().formatHex(hmac.doFinal(statement.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
