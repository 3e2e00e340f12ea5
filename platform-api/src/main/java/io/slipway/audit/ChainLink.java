package io.slipway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The content of an audit event that its hash covers. The hash is SHA-256 over the previous hash and every
 * field, each written as {@code <length>:<value>} (or {@code -} for null) so no two events share an encoding.
 * The actor's kind was added later: events written before it have none, and their hashes leave it out.
 */
public record ChainLink(long seq, Instant occurredAt, String actorKind, String actorId, String actorName,
                        String action, String targetType, String targetId, UUID projectId, String projectSlug,
                        String beforeState, String afterState) {

    /** Hash that the first event of every organization's chain points back to. */
    public static final String GENESIS = "0".repeat(64);

    public String hash(String prevHash) {
        StringBuilder canonical = new StringBuilder(256);
        for (Object field : new Object[] {prevHash, seq, occurredAt, actorId, actorName, action, targetType,
                targetId, projectId, projectSlug, beforeState, afterState}) {
            append(canonical, field);
        }
        if (actorKind != null) {
            append(canonical, actorKind);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void append(StringBuilder canonical, Object field) {
        if (field == null) {
            canonical.append("-|");
        } else {
            String value = field.toString();
            canonical.append(value.length()).append(':').append(value).append('|');
        }
    }
}
