package io.slipway.console.artifact;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.slipway.artifact.ArtifactContent;
import io.slipway.artifact.ArtifactContent.PresignedUrl;
import io.slipway.artifact.StoredContent;
import io.slipway.console.ConsoleProblems;
import java.io.IOException;

/**
 * A download link that never streams the artifact through the console: following it asks the service where the
 * bytes are (checking access at that moment), presigns a short-lived URL of the object store and redirects the
 * browser there. The URL is made when the link is followed, so a page left open does not hold expired links.
 */
public final class PresignedDownload implements DownloadHandler {

    private final SerializableSupplier<StoredContent> locate;
    private final ArtifactContent content;

    /** @param locate the service call that finds the stored content after checking the caller may read it */
    private PresignedDownload(SerializableSupplier<StoredContent> locate, ArtifactContent content) {
        this.locate = locate;
        this.content = content;
    }

    /** A "Download" link to the content {@code locate} finds. */
    public static Anchor link(String text, SerializableSupplier<StoredContent> locate, ArtifactContent content) {
        Anchor anchor = new Anchor(new PresignedDownload(locate, content), AttachmentType.DOWNLOAD, "");
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(" " + text));
        return anchor;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        VaadinResponse response = event.getResponse();
        response.setHeader("Cache-Control", "no-store");
        try {
            StoredContent stored = locate.get();
            PresignedUrl url = content.presign(stored.orgId(), stored.key(), stored.downloadName());
            response.setStatus(303);
            response.setHeader("Location", url.url().toString());
        } catch (RuntimeException refused) {
            String message = ConsoleProblems.describe(refused);
            response.setStatus(ConsoleProblems.status(refused));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().println(message);
            event.getUI().access(() -> Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }
}
