package io.slipway.webhook;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.slipway.outbox.RelayedEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One HTTP attempt of one event: a CloudEvents 1.0 structured JSON body ({@code application/cloudevents+json}),
 * signed per Standard Webhooks ({@code webhook-id} is the event's id, the same at every attempt). Redirects are not
 * followed (a redirect could lead anywhere); a 2xx answer is a delivery, anything else or a timeout a failure.
 */
final class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    static final String TYPE_PREFIX = "io.slipway.";
    private static final JsonFormat FORMAT = new JsonFormat();

    private final HttpClient client;
    private final Duration readTimeout;

    /** The outcome of one attempt. */
    record Outcome(boolean delivered, Integer statusCode, String error) {

        static Outcome failure(String error) {
            return new Outcome(false, null, error);
        }
    }

    WebhookSender(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
    }

    /** The event as its receivers get it. */
    static byte[] body(RelayedEvent event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withSource(URI.create(event.source()))
                .withType(TYPE_PREFIX + event.type())
                .withSubject(event.subject())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.data().getBytes(StandardCharsets.UTF_8))
                .build();
        return FORMAT.serialize(cloudEvent);
    }

    Outcome send(URI url, String secret, RelayedEvent event, Instant now) {
        byte[] body = body(event);
        long timestamp = now.getEpochSecond();
        String id = event.id().toString();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", "Slipway-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(true, status, null)
                    : new Outcome(false, status, "the receiver answered HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            return Outcome.failure("connecting timed out");
        } catch (HttpTimeoutException e) {
            return Outcome.failure("no answer within " + readTimeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return Outcome.failure("cannot connect: " + describe(e));
        } catch (IOException e) {
            return Outcome.failure("the request failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure("interrupted (the server is stopping)");
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
