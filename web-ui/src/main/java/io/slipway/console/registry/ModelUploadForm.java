package io.slipway.console.registry;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.shared.Registration;
import io.slipway.console.artifact.StreamingUpload;
import io.slipway.console.project.ProjectScope;
import io.slipway.registry.ModelUploads;
import io.slipway.registry.ModelVersionView;

/**
 * Uploads a model version: the model's name, an optional description, metrics and training data, then the file,
 * which streams into {@link ModelUploads#upload} (ONNX files must load in ONNX Runtime). The file can be chosen
 * once the form is valid. Fires {@link UploadedEvent}.
 */
public class ModelUploadForm extends Composite<VerticalLayout> {

    private final TextField name = new TextField("Model name");
    private final TextField description = new TextField("Description (optional)");
    private final TextField metrics = new TextField("Metrics (optional)");
    private final TextField trainedOn = new TextField("Trained on (optional)");
    private final FormInput<ModelUploadRequest> input =
            new FormInput<>(ModelUploadRequest.class, "name the model before choosing the file");
    private final StreamingUpload<ModelVersionView> upload;

    public ModelUploadForm(ProjectScope scope, ModelUploads models) {
        upload = new StreamingUpload<>("model-upload", "Choose model file…",
                body -> {
                    ModelUploadRequest request = input.require();
                    return models.upload(scope.caller(), scope.org(), scope.project(), request.name(),
                            request.metadata(), body);
                },
                ModelUploadForm::describe,
                version -> fireEvent(new UploadedEvent(this, version)));
        configureForm();
        H4 title = new H4("Upload a model version");
        title.getStyle().set("margin", "0");
        FormLayout fields = new FormLayout(name, description, metrics, trainedOn);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        getContent().setPadding(false);
        getContent().add(title, fields, upload);
    }

    public Registration addUploadedListener(ComponentEventListener<UploadedEvent> listener) {
        return addListener(UploadedEvent.class, listener);
    }

    private void configureForm() {
        name.setId("model-name");
        name.setPlaceholder("fraud-classifier");
        name.setHelperText("a-z, 0-9 and '-'; an existing model gets its next version");
        description.setId("model-description");
        metrics.setId("model-metrics");
        metrics.setPlaceholder("accuracy=0.93, f1=0.88");
        metrics.setHelperText("name=number pairs, or a JSON object");
        trainedOn.setId("model-trained-on");
        trainedOn.setPlaceholder("transactions:3");
        trainedOn.setHelperText("dataset versions of this project, as name:version");
        for (TextField field : new TextField[] {name, description, metrics, trainedOn}) {
            field.setValueChangeMode(ValueChangeMode.EAGER);
        }
        input.binder().forField(name).bind("name");
        input.binder().forField(description).bind("description");
        input.binder().forField(metrics).withValidator(explained(MetricsInput::metrics)).bind("metrics");
        input.binder().forField(trainedOn).withValidator(explained(MetricsInput::datasets)).bind("trainedOn");
        input.watch(ModelUploadRequest.EMPTY, upload::setReady);
    }

    /** A validator whose message is the parser's explanation of what is wrong. */
    private static Validator<String> explained(SerializableFunction<String, ?> parser) {
        return (value, context) -> {
            try {
                parser.apply(value);
                return ValidationResult.ok();
            } catch (IllegalArgumentException e) {
                return ValidationResult.error(e.getMessage());
            }
        };
    }

    private static String describe(ModelVersionView version) {
        String signature = version.signature() == null ? "" : ": " + Formats.signature(version.signature());
        return "Stored " + version.model() + " version " + version.version() + " (" + version.format()
                + (version.servable() ? ", servable" : "") + signature + "), SHA-256 " + version.sha256();
    }

    /** A model version was stored through this form. */
    public static class UploadedEvent extends ComponentEvent<ModelUploadForm> {

        private final ModelVersionView version;

        UploadedEvent(ModelUploadForm source, ModelVersionView version) {
            super(source, false);
            this.version = version;
        }

        public ModelVersionView version() {
            return version;
        }
    }
}
