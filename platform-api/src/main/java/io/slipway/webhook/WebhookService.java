package io.slipway.webhook;

import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.api.ProblemException;
import io.slipway.audit.AuditLog;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.project.ProjectAccess;
import io.slipway.project.ProjectContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Managing a project's webhooks (project admins and organization owners). A URL is checked twice: its form and
 * where it resolves before anything is stored, again at every delivery. The signing secret is shown in the answer
 * to a creation or rotation only; every change is audited, never with the secret.
 */
@ApplicationScoped
public class WebhookService {

    static final String URL_NOT_ALLOWED = "webhook-url-not-allowed";
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private final ProjectAccess access;
    private final WebhookRepository webhooks;
    private final WebhookSecrets secrets;
    private final WebhookSettings settings;
    private final AuditLog audit;

    @Inject
    public WebhookService(ProjectAccess access, WebhookRepository webhooks, WebhookSecrets secrets,
                          WebhookSettings settings, AuditLog audit) {
        this.access = access;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.settings = settings;
        this.audit = audit;
    }

    protected WebhookService() {
        this(null, null, null, null, null);
    }

    /** Adds a webhook; the answer carries its secret, which is never shown again. */
    public WebhookView create(Caller caller, String orgSlug, String projectSlug, NewWebhook input) {
        access.inProject(caller, orgSlug, projectSlug, Operation.WEBHOOK_MANAGE, context -> context);
        List<String> types = eventTypes(input.events());
        String url = requireAllowed(input.url());
        return access.inProject(caller, orgSlug, projectSlug, Operation.WEBHOOK_MANAGE, context -> {
            UUID id = UUID.randomUUID();
            String secret = WebhookSignature.newSecret();
            Webhook webhook = new Webhook(id, context.project().id(), url, types, blankToNull(input.description()),
                    input.enabled() == null || input.enabled(), secrets.seal(id, secret), now(), caller.userId());
            webhooks.store(webhook);
            WebhookView view = WebhookView.of(webhook);
            audit.record(context.orgId(), caller, entry(context, "webhook.created", webhook, null, view));
            return view.withSecret(secret);
        });
    }

    public Page<WebhookView> list(Caller caller, String orgSlug, String projectSlug, PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.WEBHOOK_READ, context ->
                Page.of(webhooks.page(context.project().id(), page.afterInstant(), page.fetchSize()), page,
                        webhook -> webhook.createdAt().toString()).map(WebhookView::of));
    }

    public WebhookView get(Caller caller, String orgSlug, String projectSlug, String webhookId) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.WEBHOOK_READ, context ->
                WebhookView.of(find(context, webhookId)));
    }

    public WebhookView update(Caller caller, String orgSlug, String projectSlug, String webhookId,
                              WebhookChanges changes) {
        access.inProject(caller, orgSlug, projectSlug, Operation.WEBHOOK_MANAGE, context -> find(context, webhookId));
        Optional<List<String>> types = Optional.ofNullable(changes.events()).map(WebhookService::eventTypes);
        Optional<String> url = Optional.ofNullable(changes.url()).map(this::requireAllowed);
        return access.inProject(caller, orgSlug, projectSlug, Operation.WEBHOOK_MANAGE, context -> {
            Webhook webhook = find(context, webhookId);
            WebhookView before = WebhookView.of(webhook);
            webhook.change(url.orElse(webhook.url()), types.orElse(webhook.eventTypes()),
                    changes.description() == null ? webhook.description() : blankToNull(changes.description()),
                    changes.enabled() == null ? webhook.enabled() : changes.enabled(), now());
            WebhookView after = WebhookView.of(webhook);
            audit.record(context.orgId(), caller, entry(context, "webhook.updated", webhook, before, after));
            return after;
        });
    }

    public void delete(Caller caller, String orgSlug, String projectSlug, String webhookId) {
        access.inProject(caller, orgSlug, projectSlug, Operation.WEBHOOK_MANAGE, context -> {
            Webhook webhook = find(context, webhookId);
            WebhookView before = WebhookView.of(webhook);
            webhooks.remove(webhook);
            audit.record(context.orgId(), caller, entry(context, "webhook.deleted", webhook, before, null));
            return null;
        });
    }

    /** Replaces the signing secret; the answer carries the new one, which is never shown again. */
    public WebhookView rotateSecret(Caller caller, String orgSlug, String projectSlug, String webhookId) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.WEBHOOK_MANAGE, context -> {
            Webhook webhook = find(context, webhookId);
            String secret = WebhookSignature.newSecret();
            webhook.rotate(secrets.seal(webhook.id(), secret), now());
            WebhookView view = WebhookView.of(webhook);
            audit.record(context.orgId(), caller, entry(context, "webhook.secret-rotated", webhook, null, view));
            return view.withSecret(secret);
        });
    }

    public Page<DeliveryView> deliveries(Caller caller, String orgSlug, String projectSlug, String webhookId,
                                         PageRequest page) {
        return access.inProject(caller, orgSlug, projectSlug, Operation.WEBHOOK_READ, context -> {
            Webhook webhook = find(context, webhookId);
            return Page.of(webhooks.deliveries(webhook.id(), page.afterNumber(), page.fetchSize()), page,
                    delivery -> Long.toString(delivery.eventSeq())).map(DeliveryView::of);
        });
    }

    private Webhook find(ProjectContext context, String webhookId) {
        ProblemException missing = ProblemException.notFound("Webhook '" + webhookId + "' not found in project '"
                + context.project().slug() + "'.");
        UUID id;
        try {
            id = UUID.fromString(webhookId);
        } catch (IllegalArgumentException e) {
            throw missing;
        }
        return webhooks.find(context.project().id(), id).orElseThrow(() -> missing);
    }

    private String requireAllowed(String url) {
        String trimmed = url == null ? null : url.strip();
        DestinationPolicy.Verdict verdict = settings.destinations().check(trimmed);
        if (!verdict.allowed()) {
            throw ProblemException.badRequest(URL_NOT_ALLOWED, "The webhook URL is not allowed: "
                    + verdict.refusal().orElseThrow() + ".", new io.slipway.api.FieldError("url",
                    verdict.refusal().orElseThrow()));
        }
        return trimmed;
    }

    private static List<String> eventTypes(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || type.length() > 100 || !EVENT_TYPE.matcher(type).matches()) {
                throw ProblemException.invalidField("events", "'" + type + "' is not an event type (such as"
                        + " model.version-registered)");
            }
            types.add(type);
        }
        if (String.join(",", types).length() > 2000) {
            throw ProblemException.invalidField("events", "the event types are longer than 2000 characters together");
        }
        return List.copyOf(types);
    }

    private static io.slipway.audit.AuditEntry entry(ProjectContext context, String action, Webhook webhook,
                                                     Object before, Object after) {
        return context.auditEntry(action, "webhook", "webhooks/" + webhook.id(), before, after);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
