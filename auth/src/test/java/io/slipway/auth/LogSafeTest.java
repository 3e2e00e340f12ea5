package io.slipway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void plainTextIsUnchanged() {
        assertThat(LogSafe.of("access_denied: user cancelled é ✓ 模型")).isEqualTo("access_denied: user cancelled é ✓ 模型");
    }

    @Test
    void lineBreaksCannotStartAForgedLogLine() {
        String forged = "x\r\n2026-01-01 INFO admin signed in\tok";

        assertThat(LogSafe.of(forged))
                .isEqualTo("x\\u000D\\u000A2026-01-01 INFO admin signed in\\u0009ok")
                .doesNotContain("\n", "\r", "\t");
    }

    @Test
    void otherControlAndSeparatorCharactersAreEscaped() {
        assertThat(LogSafe.of("a\u0000b\u001Bc\u007Fd\u0085e\u2028f\u2029g"))
                .isEqualTo("a\\u0000b\\u001Bc\\u007Fd\\u0085e\\u2028f\\u2029g");
    }

    @Test
    void bidirectionalOverridesAndOtherFormatCharactersAreEscaped() {
        assertThat(LogSafe.of("evil\u202Egnp.exe\u2066x\u2069\u200B\uFEFF"))
                .isEqualTo("evil\\u202Egnp.exe\\u2066x\\u2069\\u200B\\uFEFF");
        // a supplementary format character (a tag) is escaped unit by unit
        assertThat(LogSafe.of("t\uDB40\uDC41")).isEqualTo("t\\uDB40\\uDC41");
    }

    @Test
    void unpairedSurrogatesAreEscaped() {
        assertThat(LogSafe.of("a\uD800b")).isEqualTo("a\\uD800b");
        assertThat(LogSafe.of("😀")).isEqualTo("😀");
    }

    @Test
    void aBackslashIsDoubledSoAnEscapeCannotBeFaked() {
        assertThat(LogSafe.of("a\\u000Ab")).isEqualTo("a\\\\u000Ab");
    }

    @Test
    void longValuesAreCutAndSaySo() {
        String logged = LogSafe.of("x".repeat(1_000_000));

        assertThat(logged).startsWith("x".repeat(LogSafe.MAX_CHARS)).endsWith("...(999800 more chars)");
        assertThat(logged.length()).isLessThan(LogSafe.MAX_CHARS + 30);
    }

    @Test
    void escapesCountTowardsTheBound() {
        String logged = LogSafe.of("\n".repeat(10_000));

        assertThat(logged.length()).isLessThan(LogSafe.MAX_CHARS + 40);
        assertThat(logged).startsWith("\\u000A").doesNotContain("\n");
    }

    @Test
    void nullAndOtherObjectsAreWrittenThroughToString() {
        assertThat(LogSafe.of(null)).isEqualTo("null");
        assertThat(LogSafe.of(42)).isEqualTo("42");
    }
}
