package io.slipway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.core.format.EventDeserializationException;
import io.slipway.outbox.RelayedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        // the test vector of the Standard Webhooks reference libraries
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signatureIsTheHmacOfIdTimestampAndBodyUnderTheDecodedSecret() throws Exception {
        String secret = WebhookSignature.newSecret();
        byte[] body = "{\"specversion\":\"1.0\",\"data\":{\"a\":\"ü\"}}".getBytes(StandardCharsets.UTF_8);

        String signature = WebhookSignature.sign(secret, "evt-1", 1_700_000_000L, body);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal(("evt-1.1700000000." + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1," + Base64.getEncoder().encodeToString(expected));
        assertThat(WebhookSignature.sign(secret, "evt-1", 1_700_000_001L, body)).as("the timestamp is signed")
                .isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "evt-2", 1_700_000_000L, body)).as("the id is signed")
                .isNotEqualTo(signature);
    }

    @Test
    void secretsAreWhsecAndThirtyTwoRandomBytes() {
        String secret = WebhookSignature.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void sealedSecretsOpenOnlyForTheirWebhookAndKey() {
        WebhookSecrets secrets = new WebhookSecrets(java.util.Optional.empty(), "a-key-of-at-least-32-bytes-for-tests");
        UUID webhook = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();

        String sealed = secrets.seal(webhook, secret);

        assertThat(sealed).doesNotContain(secret.substring(6));
        assertThat(secrets.open(webhook, sealed)).isEqualTo(secret);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WebhookSecrets(java.util.Optional.empty(),
                "another-key-of-at-least-32-bytes!!").open(webhook, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bodyIsAStructuredCloudEvent() throws EventDeserializationException {
        UUID id = UUID.randomUUID();
        RelayedEvent event = new RelayedEvent(UUID.randomUUID(), id, 7, UUID.randomUUID(), "/orgs/acme/projects/fraud",
                "model.version-registered", "models/fraud/versions/3", Instant.parse("2026-01-02T03:04:05Z"),
                "{\"name\":\"fraud\",\"version\":3}");

        String json = new String(WebhookSender.body(event), StandardCharsets.UTF_8);

        com.fasterxml.jackson.databind.JsonNode node = readTree(json);
        assertThat(node.path("specversion").asText()).isEqualTo("1.0");
        assertThat(node.path("id").asText()).isEqualTo(id.toString());
        assertThat(node.path("source").asText()).isEqualTo("/orgs/acme/projects/fraud");
        assertThat(node.path("type").asText()).isEqualTo("io.slipway.model.version-registered");
        assertThat(node.path("subject").asText()).isEqualTo("models/fraud/versions/3");
        assertThat(node.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(Instant.parse(node.path("time").asText())).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(node.path("data").path("version").asInt()).as("data is JSON, not base64").isEqualTo(3);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
