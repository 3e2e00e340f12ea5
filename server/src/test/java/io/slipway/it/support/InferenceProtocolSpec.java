package io.slipway.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The official Open Inference Protocol REST specification ({@code ../shared/data/specs/open_inference_rest.yaml},
 * never copied into this repository), and validation of answers against its component schemas. Tests that use
 * it are skipped, saying why, where the folder is absent.
 */
public final class InferenceProtocolSpec {

    private static final String FILE = "open_inference_rest.yaml";
    private static JsonNode document;

    private InferenceProtocolSpec() {
    }

    /** Fails the test if {@code body} does not validate against the spec's schema of that name. */
    public static void assertValid(String schema, JsonNode body) {
        JsonSchema validator = schema(schema);
        Set<ValidationMessage> errors = validator.validate(body);
        assertThat(errors).as("%s against the spec's %s", body, schema).isEmpty();
    }

    /** Whether the spec is beside the repository (it is in CI). */
    public static boolean present() {
        return Files.isRegularFile(directory().resolve(FILE));
    }

    public static void require() {
        assumeTrue(present(), "The Open Inference Protocol spec is not at " + directory().resolve(FILE)
                + " (../shared/data/specs beside the repository); the conformance checks are skipped.");
    }

    private static synchronized JsonSchema schema(String name) {
        require();
        if (document == null) {
            try {
                document = new ObjectMapper(new YAMLFactory()).readTree(directory().resolve(FILE).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(document.at("/components/schemas/" + name).isMissingNode()).as("schema %s in the spec", name)
                .isFalse();
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.set("components", document.get("components"));
        root.put("$ref", "#/components/schemas/" + name);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root);
    }

    private static Path directory() {
        return Path.of(System.getProperty("slipway.specs.dir", "../../shared/data/specs")).toAbsolutePath().normalize();
    }
}
