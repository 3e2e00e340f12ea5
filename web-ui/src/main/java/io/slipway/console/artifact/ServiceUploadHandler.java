package io.slipway.console.artifact;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.slipway.api.ContentType;
import io.slipway.artifact.UploadBody;
import io.slipway.console.ConsoleProblems;
import java.util.Optional;

/**
 * Hands the file of one upload request to a service as an {@link UploadBody}: the service reads the stream once,
 * hashing, checking and storing it as it reads, so the console never holds the file (the container keeps the
 * received part in a temporary file, see {@link io.slipway.console.ConsoleServlet}). Runs in the upload's request
 * thread, outside the UI lock; the outcome reaches the UI through {@link UI#access}. A refused upload answers the
 * browser with the problem's status, so the upload component marks the file as failed.
 *
 * @param <R> what the service answers, e.g. the new version
 */
final class ServiceUploadHandler<R> implements UploadHandler {

    private final SerializableFunction<UploadBody, R> service;
    private final SerializableConsumer<R> succeeded;
    private final SerializableConsumer<String> failed;

    /**
     * @param service   calls the service with the body; runs outside the UI lock
     * @param succeeded shows the service's answer; runs inside the UI lock
     * @param failed    shows why the upload was refused; runs inside the UI lock
     */
    ServiceUploadHandler(SerializableFunction<UploadBody, R> service, SerializableConsumer<R> succeeded,
                         SerializableConsumer<String> failed) {
        this.service = service;
        this.succeeded = succeeded;
        this.failed = failed;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) {
        UI ui = event.getUI();
        try {
            R answer = service.apply(bodyOf(event));
            ui.access(() -> succeeded.accept(answer));
        } catch (RuntimeException refused) {
            String message = ConsoleProblems.describe(refused);
            event.getResponse().setStatus(ConsoleProblems.status(refused));
            ui.access(() -> failed.accept(message));
        }
    }

    /** Keeps the status {@link #handleUploadRequest} set (the default would answer every handled request 200). */
    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        if (!success) {
            response.setStatus(500);
        }
    }

    static UploadBody bodyOf(UploadEvent event) {
        // UploadBody keeps the canonical form: blank, "unknown" or no media type at all is application/octet-stream
        String mediaType = event.getContentType();
        Optional<String> fileName = Optional.ofNullable(event.getFileName())
                .filter(name -> !name.isBlank() && !"unknown".equals(name));
        return new UploadBody(event.getInputStream(), declaredLength(event), mediaType, fileName);
    }

    /**
     * The file's length when it is known exactly. A multipart part the servlet container parsed has its own size;
     * when Vaadin streams the multipart body itself it reports the whole request's length instead, boundaries and
     * headers included, which would not match the file: then the length is left unknown (-1).
     */
    private static long declaredLength(UploadEvent event) {
        long size = event.getFileSize();
        boolean multipart = ContentType.parse(event.getRequest().getContentType())
                .map(ContentType::isMultipart).orElse(false);
        if (size < 0 || (multipart && size == event.getRequest().getContentLengthLong())) {
            return -1;
        }
        return size;
    }
}
