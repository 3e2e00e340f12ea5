package io.slipway.console.artifact;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableFunction;
import io.slipway.artifact.UploadBody;

/**
 * A Vaadin {@link Upload} whose file streams into a service call, with the browser's progress bar while the bytes
 * travel and, afterwards, the outcome: a notification and a status line that stays (the version stored, or the
 * service's reason for refusing the file). One file at a time; enabled only while the form around it is valid.
 *
 * @param <R> what the service answers
 */
public class StreamingUpload<R> extends Composite<VerticalLayout> {

    private static final int SUCCESS_MS = 5000;
    private static final int FAILURE_MS = 10000;

    private final Upload upload = new Upload();
    private final Button chooseFile;
    private final Span status = new Span();

    /**
     * @param id        the upload's element id; the status line gets {@code id + "-status"}
     * @param service   stores the body and answers; runs in the upload's request thread, outside the UI lock
     * @param describe  the status line for the service's answer
     * @param succeeded what to do next with the answer (refresh a grid, say); inside the UI lock
     */
    public StreamingUpload(String id, String buttonText, SerializableFunction<UploadBody, R> service,
                           SerializableFunction<R, String> describe, SerializableConsumer<R> succeeded) {
        chooseFile = new Button(buttonText, VaadinIcon.UPLOAD.create());
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setUploadButton(chooseFile);
        upload.setDropLabel(new Span("or drop it here"));
        upload.setUploadHandler(new ServiceUploadHandler<>(service,
                answer -> {
                    finish(describe.apply(answer), false);
                    succeeded.accept(answer);
                },
                reason -> finish(reason, true)));
        status.setId(id + "-status");
        status.getStyle().set("white-space", "pre-wrap");
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(upload, status);
    }

    /** Whether a file may be chosen now: only when the form says what to store it as. */
    public void setReady(boolean ready) {
        upload.setEnabled(ready);
    }

    private void finish(String message, boolean failed) {
        upload.clearFileList();
        status.setText(message);
        status.getStyle().set("color", failed ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        Notification notification = Notification.show(message, failed ? FAILURE_MS : SUCCESS_MS,
                Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(failed ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }
}
