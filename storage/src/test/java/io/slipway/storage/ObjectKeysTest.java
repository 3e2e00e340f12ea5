package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void temporaryKeyRemembersWhenItWasMade() {
        Instant made = Instant.parse("2025-03-04T05:06:07.089Z");

        String key = ObjectKeys.newTempKey(made);

        assertThat(key).matches("upload-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(ObjectKeys.tempKeyCreation(key)).hasValue(made);
        assertThat(ObjectKeys.newTempKey(made)).isNotEqualTo(key);
        assertThat(key).as("in no directory, which the embedded store would delete under a concurrent upload")
                .doesNotContain("/");
    }

    @Test
    void temporaryKeysOfEarlierVersionsAreStillRecognised() {
        Instant made = Instant.parse("2025-03-04T05:06:07.089Z");
        String legacy = "uploads/" + ObjectKeys.uuidV7(made.toEpochMilli());

        assertThat(ObjectKeys.tempKeyCreation(legacy)).hasValue(made);
        assertThat(ObjectKeys.requireTempKey(legacy)).isEqualTo(legacy);
        assertThatThrownBy(() -> ObjectKeys.requireTempKey("sha256/" + "a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysWithoutATimeHaveNoCreation() {
        assertThat(ObjectKeys.tempKeyCreation("uploads/" + UUID.randomUUID())).isEmpty();
        assertThat(ObjectKeys.tempKeyCreation("sha256/" + "a".repeat(64))).isEmpty();
        assertThat(ObjectKeys.tempKeyCreation("uploads/not-a-uuid")).isEmpty();
    }

    @Test
    void contentKeyNeedsALowercaseHexDigest() {
        assertThat(ObjectKeys.contentKey("ab".repeat(32))).isEqualTo("sha256/" + "ab".repeat(32));
        assertThatThrownBy(() -> ObjectKeys.contentKey("AB".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.contentKey("../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysThatWalkPathsAreRefused() {
        assertThatThrownBy(() -> ObjectKeys.requireKey("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.requireKey("sha256/../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.requireKey("/absolute")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectKeys.requireKey("a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ObjectKeys.requireKey("sha256/" + "a".repeat(64))).startsWith("sha256/");
    }
}
