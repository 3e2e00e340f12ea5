package io.slipway.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Run tokens: 32 random bytes, handed to the run's process only and kept as their SHA-256, so the database never
 * holds one that works. They start with {@code slrt_} so a leaked one is recognisable.
 */
final class RunTokens {

    static final String PREFIX = "slrt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
