package io.slipway.registry;

import io.slipway.api.ProblemException;
import io.slipway.serving.ModelInspector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a model upload must satisfy: valid metadata before any byte is read, loadable ONNX after. */
@ApplicationScoped
public class UploadValidation {

    private final Validator validator;
    private final ModelInspector inspector;
    private final InspectionSpool spool;

    @Inject
    public UploadValidation(Validator validator, ModelInspector inspector, InspectionSpool spool) {
        this.validator = validator;
        this.inspector = inspector;
        this.spool = spool;
    }

    protected UploadValidation() {
        this(null, null, null);
    }

    void requireValid(NewModelVersion metadata) {
        Set<ConstraintViolation<NewModelVersion>> violations = validator.validate(metadata);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Optional.ofNullable(metadata.params()).orElse(Map.of()).forEach((key, value) -> {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw ProblemException.invalidField("params." + key, "must be a string, number or boolean");
            }
        });
    }

    /** The check an ONNX upload must pass: ONNX Runtime loads it, in an inspector process. */
    OnnxCheck onnxCheck(String displayName) {
        return new OnnxCheck(inspector, spool, displayName);
    }
}
