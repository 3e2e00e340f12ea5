package io.slipway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadCaptureTest {

    @Test
    void aBodyPassesWholeWhileOnlyItsFirstSixteenKibibytesAreKept() throws IOException {
        byte[] body = "x".repeat(PayloadCapture.LIMIT + 1000).getBytes(StandardCharsets.US_ASCII);
        PayloadCapture capture = new PayloadCapture();
        try (InputStream in = capture.tee(new ByteArrayInputStream(body))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(capture.text(Long.MAX_VALUE)).hasSize(PayloadCapture.LIMIT);
        assertThat(capture.cut(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void ofABinaryBodyOnlyTheJsonHeaderIsTextAndTheRestCountsAsCut() throws IOException {
        String header = "{\"inputs\":[]}";
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        PayloadCapture capture = new PayloadCapture();
        try (OutputStream out = capture.tee(sent)) {
            out.write(header.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {0, 1, 2, 3});
        }
        assertThat(sent.size()).isEqualTo(header.length() + 4);
        assertThat(capture.text(header.length())).isEqualTo(header);
        assertThat(capture.cut(header.length())).isTrue();
        assertThat(capture.cut(header.length() + 4)).isFalse();
    }
}
