package io.slipway.storage;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The only keys this store writes: {@code upload-<uuid>} while an upload is staged and
 * {@code sha256/<hex>} once it is content. Built from UUIDs and digests only, so no user-supplied name ever
 * reaches a key. Temporary keys use version 7 UUIDs, whose first 48 bits are the creation time in epoch
 * milliseconds: the garbage collector can age a leftover upload even when the server misreports its start.
 */
final class ObjectKeys {

    /**
     * Temporary objects sit at the top of the bucket, in no directory: the embedded store's file-system back
     * end deletes a directory that a delete leaves empty, and an upload creating its object in that directory
     * at the same moment failed (NoSuchFileException, 1 in ~2,000 concurrent uploads). The bucket's own
     * directory is never deleted that way.
     */
    static final String TEMP_PREFIX = "upload-";
    /** Where earlier versions staged uploads; still collected, never written. */
    static final String LEGACY_TEMP_PREFIX = "uploads/";
    static final String CONTENT_PREFIX = "sha256/";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** What a key handed back to the store may look like: the shapes above and nothing that walks paths. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=-]*(/[A-Za-z0-9._=-]+)*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ObjectKeys() {
    }

    static String newTempKey(Instant now) {
        return TEMP_PREFIX + uuidV7(now.toEpochMilli());
    }

    static String contentKey(String sha256) {
        return CONTENT_PREFIX + requireSha256(sha256);
    }

    /** When the temporary key was made, if it is one of ours with a version 7 UUID. */
    static Optional<Instant> tempKeyCreation(String key) {
        Optional<String> suffix = tempKeyUuid(key);
        if (suffix.isEmpty()) {
            return Optional.empty();
        }
        String text = suffix.get();
        if (!UUID_TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        UUID uuid = UUID.fromString(text);
        return uuid.version() == 7
                ? Optional.of(Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16))
                : Optional.empty();
    }

    static String requireTempKey(String key) {
        if (tempKeyUuid(key).filter(uuid -> UUID_TEXT.matcher(uuid).matches()).isEmpty()) {
            throw new IllegalArgumentException("Not a temporary upload key: " + key);
        }
        return key;
    }

    /** The text after the temporary prefix (today's or the legacy one), if the key has one. */
    private static Optional<String> tempKeyUuid(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (String prefix : new String[] {TEMP_PREFIX, LEGACY_TEMP_PREFIX}) {
            if (key.startsWith(prefix)) {
                return Optional.of(key.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    static String requireSha256(String sha256) {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a lowercase hex SHA-256: " + sha256);
        }
        return sha256;
    }

    static String requireKey(String key) {
        if (key == null || key.length() > 1024 || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("Not an object key of this store: " + key);
        }
        return key;
    }

    /** RFC 9562 version 7: 48-bit Unix milliseconds, version, 74 random bits, variant. */
    static UUID uuidV7(long epochMillis) {
        long msb = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
