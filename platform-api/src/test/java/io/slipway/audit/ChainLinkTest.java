package io.slipway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The actor's kind joined the hashed content later: old events must keep their hashes, new ones cover it. */
class ChainLinkTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void anEventWithoutAKindHashesAsEventsDidBeforeKindsWereRecorded() {
        ChainLink legacy = link(null);

        // the canonical encoding of the twelve fields the hash covered before (prev hash first)
        String canonical = "64:" + ChainLink.GENESIS + "|1:1|20:2026-11-21T10:00:00Z|3:u-1|5:alice|"
                + "15:project.updated|7:project|12:acme/fraud-1|36:" + PROJECT + "|7:fraud-1|-|-|";

        assertThat(legacy.hash(ChainLink.GENESIS)).isEqualTo(sha256(canonical));
    }

    @Test
    void theKindIsCoveredByTheHashOfNewEvents() {
        assertThat(link("person").hash(ChainLink.GENESIS)).isNotEqualTo(link(null).hash(ChainLink.GENESIS))
                .isNotEqualTo(link("platform").hash(ChainLink.GENESIS));
    }

    private static ChainLink link(String kind) {
        return new ChainLink(1, AT, kind, "u-1", "alice", "project.updated", "project", "acme/fraud-1", PROJECT,
                "fraud-1", null, null);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
