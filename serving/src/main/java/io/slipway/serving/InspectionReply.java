package io.slipway.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.serving.UnloadableModelException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an inspector process answered on its standard output (see {@link InspectorMain}): the model's signature,
 * or why it cannot be loaded. The process handled untrusted bytes, so its answer is read as untrusted too:
 * anything but exactly the expected shape is no answer at all.
 */
sealed interface InspectionReply {

    /** The longest message kept from a refusal; ONNX Runtime's own are a few hundred characters. */
    int MAX_MESSAGE_CHARS = 2000;

    /** The model loaded. */
    record Loaded(ModelSignature signature) implements InspectionReply {
    }

    /** The model cannot be loaded, for that reason. */
    record Refused(Reason reason, String message) implements InspectionReply {
    }

    /** The reply in the process's output (the last line that is one), if there is a well-formed one. */
    static Optional<InspectionReply> find(String output) {
        String[] lines = output.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith(InspectorMain.REPLY_PREFIX)) {
                return parse(lines[i].substring(InspectorMain.REPLY_PREFIX.length()).strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<InspectionReply> parse(String json) {
        try {
            JsonNode reply = Parser.MAPPER.readTree(json);
            if (reply == null || !reply.isObject()) {
                return Optional.empty();
            }
            if (reply.has("reason")) {
                Optional<Reason> reason = Reason.ofCode(reply.path("reason").asText(""));
                JsonNode message = reply.path("message");
                if (reason.isEmpty() || !message.isTextual()) {
                    return Optional.empty();
                }
                String text = message.asText();
                return Optional.of(new Refused(reason.get(),
                        text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "..." : text));
            }
            Optional<List<TensorSpec>> inputs = specs(reply.path("inputs"));
            Optional<List<TensorSpec>> outputs = specs(reply.path("outputs"));
            if (inputs.isEmpty() || outputs.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Loaded(new ModelSignature(inputs.get(), outputs.get())));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<List<TensorSpec>> specs(JsonNode array) {
        if (!array.isArray()) {
            return Optional.empty();
        }
        List<TensorSpec> specs = new ArrayList<>();
        for (JsonNode spec : array) {
            JsonNode name = spec.path("name");
            JsonNode type = spec.path("elementType");
            JsonNode shape = spec.path("shape");
            if (!name.isTextual() || !type.isTextual() || !shape.isArray()) {
                return Optional.empty();
            }
            List<Long> dimensions = new ArrayList<>();
            for (JsonNode dimension : shape) {
                if (!dimension.canConvertToLong() || !dimension.isIntegralNumber()) {
                    return Optional.empty();
                }
                dimensions.add(dimension.asLong());
            }
            specs.add(new TensorSpec(name.asText(), type.asText(), dimensions));
        }
        return Optional.of(specs);
    }

    /** Holds the mapper apart from the interface's constants. */
    final class Parser {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private Parser() {
        }
    }
}
