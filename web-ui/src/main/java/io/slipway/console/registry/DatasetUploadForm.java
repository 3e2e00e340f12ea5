package io.slipway.console.registry;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import io.slipway.console.artifact.StreamingUpload;
import io.slipway.console.project.ProjectScope;
import io.slipway.dataset.DatasetService;
import io.slipway.dataset.DatasetVersionView;

/**
 * Uploads a dataset version: the dataset's name and an optional description, then the file, which streams into
 * {@link DatasetService#upload}. The file can be chosen once the name is valid. Fires {@link UploadedEvent}.
 */
public class DatasetUploadForm extends Composite<VerticalLayout> {

    private final TextField name = new TextField("Dataset name");
    private final TextField description = new TextField("Description (optional)");
    private final FormInput<DatasetUploadRequest> input =
            new FormInput<>(DatasetUploadRequest.class, "name the dataset before choosing the file");
    private final StreamingUpload<DatasetVersionView> upload;

    public DatasetUploadForm(ProjectScope scope, DatasetService datasets) {
        upload = new StreamingUpload<>("dataset-upload", "Choose file…",
                body -> {
                    DatasetUploadRequest request = input.require();
                    return datasets.upload(scope.caller(), scope.org(), scope.project(), request.name(),
                            request.optionalDescription(), body);
                },
                DatasetUploadForm::describe,
                version -> fireEvent(new UploadedEvent(this, version)));
        configureForm();
        H4 title = new H4("Upload a dataset version");
        title.getStyle().set("margin", "0");
        FormLayout fields = new FormLayout(name, description);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        getContent().setPadding(false);
        getContent().add(title, fields, upload);
    }

    public Registration addUploadedListener(ComponentEventListener<UploadedEvent> listener) {
        return addListener(UploadedEvent.class, listener);
    }

    private void configureForm() {
        name.setId("dataset-name");
        name.setPlaceholder("transactions");
        name.setHelperText("a-z, 0-9 and '-'; an existing dataset gets its next version");
        name.setValueChangeMode(ValueChangeMode.EAGER);
        description.setId("dataset-description");
        description.setValueChangeMode(ValueChangeMode.EAGER);
        input.binder().forField(name).bind("name");
        input.binder().forField(description).bind("description");
        input.watch(DatasetUploadRequest.EMPTY, upload::setReady);
    }

    private static String describe(DatasetVersionView version) {
        String rows = version.rowCount() == null ? "" : ", " + version.rowCount() + " rows";
        return "Stored " + version.dataset() + " version " + version.version() + " ("
                + Formats.size(version.sizeBytes()) + rows + "), SHA-256 " + version.sha256();
    }

    /** A dataset version was stored through this form. */
    public static class UploadedEvent extends ComponentEvent<DatasetUploadForm> {

        private final DatasetVersionView version;

        UploadedEvent(DatasetUploadForm source, DatasetVersionView version) {
            super(source, false);
            this.version = version;
        }

        public DatasetVersionView version() {
            return version;
        }
    }
}
