package io.slipway.webhook;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.slipway.outbox.BackgroundTasks;
import io.slipway.outbox.OutboxSubscriber;
import io.slipway.outbox.PublishedEvents;
import io.slipway.outbox.RelayedEvent;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Delivering events to webhooks. Relaying an event creates a pending delivery for every enabled webhook of its
 * project that receives its type. Each webhook then has at most one db-scheduler execution
 * ({@code webhook-delivery}, instance {@code <org>/<webhook>}), leased by one server at a time: it attempts the
 * webhook's oldest pending delivery and moves on only once that is delivered (or given up after
 * {@code slipway.webhooks.max-attempts}), so a webhook receives a project's events in order and the later ones wait
 * while one is retried. A failure is retried after an exponential backoff; the execution sleeps in the scheduler
 * until then. A server that dies mid-attempt leaves its execution to be revived, and the event is sent again:
 * receivers see each event at least once, with the same {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookDeliveries implements OutboxSubscriber, BackgroundTasks {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());
    static final String TASK = "webhook-delivery";
    /** Deliveries one execution makes before it yields its thread to other webhooks. */
    private static final int PER_EXECUTION = 50;
    private static final int DUE_PER_RUN = 500;

    private final Tenancy tenancy;
    private final WebhookRepository webhooks;
    private final PublishedEvents events;
    private final WebhookSecrets secrets;
    private final WebhookSettings settings;
    private final WebhookSender sender;
    private final CustomTask<Void> task;

    @Inject
    public WebhookDeliveries(Tenancy tenancy, WebhookRepository webhooks, PublishedEvents events,
                             WebhookSecrets secrets, WebhookSettings settings) {
        this.tenancy = tenancy;
        this.webhooks = webhooks;
        this.events = events;
        this.secrets = secrets;
        this.settings = settings;
        this.sender = settings == null ? null : new WebhookSender(settings.connectTimeout(), settings.readTimeout());
        this.task = Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
                .execute((instance, context) -> deliver(instance.getId()));
    }

    protected WebhookDeliveries() {
        this(null, null, null, null, null);
    }

    @Override
    public List<Task<?>> tasks() {
        return List.of(task);
    }

    @Override
    public void accept(RelayedEvent event) {
        Instant now = now();
        for (Webhook webhook : webhooks.enabledIn(event.projectId())) {
            if (webhook.receives(event.type())) {
                webhooks.store(new WebhookDelivery(webhook.id(), event.id(), event.seq(), event.type(), now));
            }
        }
    }

    /** Makes sure every webhook with a due delivery has its execution (new events, re-enabled webhooks, crashes). */
    @Override
    public void afterRelay(SchedulerClient scheduler) {
        Instant now = now();
        for (WebhookRepository.Due due : tenancy.asPlatform(() -> webhooks.due(now, DUE_PER_RUN))) {
            scheduler.scheduleIfNotExists(task.instance(due.orgId() + "/" + due.webhookId()), now);
        }
    }

    /** What a webhook's execution found to do next. */
    private sealed interface Next {
    }

    private record Idle() implements Next {
    }

    private record WaitUntil(Instant at) implements Next {
    }

    private record Attempt(UUID deliveryId, String url, String secret, RelayedEvent event) implements Next {
    }

    private CompletionHandler<Void> deliver(String instanceId) {
        int slash = instanceId.indexOf('/');
        UUID orgId = UUID.fromString(instanceId.substring(0, slash));
        UUID webhookId = UUID.fromString(instanceId.substring(slash + 1));
        for (int i = 0; i < PER_EXECUTION; i++) {
            Instant now = now();
            Next next = tenancy.asSystemIn(orgId, () -> next(webhookId, now));
            if (next instanceof Idle) {
                return (complete, operations) -> operations.stop();
            }
            if (next instanceof WaitUntil wait) {
                return (complete, operations) -> operations.reschedule(complete, wait.at());
            }
            Attempt attempt = (Attempt) next;
            WebhookSender.Outcome outcome = attempt(attempt, now);
            tenancy.asSystemIn(orgId, () -> record(attempt.deliveryId(), outcome, now()));
        }
        return (complete, operations) -> operations.reschedule(complete, Instant.now());
    }

    private Next next(UUID webhookId, Instant now) {
        Optional<Webhook> webhook = webhooks.find(webhookId).filter(Webhook::enabled);
        Optional<WebhookDelivery> head = webhook.flatMap(w -> webhooks.nextPending(w.id()));
        if (head.isEmpty()) {
            return new Idle();
        }
        WebhookDelivery delivery = head.get();
        if (delivery.nextAttemptAt() != null && delivery.nextAttemptAt().isAfter(now)) {
            return new WaitUntil(delivery.nextAttemptAt());
        }
        Optional<RelayedEvent> event = events.find(delivery.eventId());
        if (event.isEmpty()) { // its project is gone
            return new Idle();
        }
        return new Attempt(delivery.id(), webhook.get().url(),
                secrets.open(webhook.get().id(), webhook.get().secretEncrypted()), event.get());
    }

    private WebhookSender.Outcome attempt(Attempt attempt, Instant now) {
        DestinationPolicy.Verdict verdict = settings.destinations().check(attempt.url());
        if (!verdict.allowed()) {
            return WebhookSender.Outcome.failure(WebhookService.URL_NOT_ALLOWED + ": "
                    + verdict.refusal().orElseThrow());
        }
        URI url = verdict.url();
        return sender.send(url, attempt.secret(), attempt.event(), now);
    }

    private Void record(UUID deliveryId, WebhookSender.Outcome outcome, Instant now) {
        webhooks.findDelivery(deliveryId).ifPresent(delivery -> {
            if (outcome.delivered()) {
                delivery.delivered(outcome.statusCode(), now);
                return;
            }
            int attempts = delivery.attempts() + 1;
            Instant retryAt = attempts >= settings.maxAttempts() ? null : now.plus(settings.retryDelay(attempts));
            delivery.failed(outcome.statusCode(), outcome.error(), now, retryAt);
            LOG.fine(() -> "Webhook delivery " + deliveryId + " failed (attempt " + attempts + "): " + outcome.error()
                    + (retryAt == null ? "; given up" : "; retried at " + retryAt));
        });
        return null;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
