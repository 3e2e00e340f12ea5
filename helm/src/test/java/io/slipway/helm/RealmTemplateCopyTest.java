package io.slipway.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart ships Slipway's canonical realm template unchanged: {@code slipway/files/slipway-realm.json}
 * must be a byte-identical copy of {@code auth/src/main/resources/keycloak/slipway-realm.json}, the
 * template the devstack imports too. Helm can only read files inside the chart, hence the copy.
 */
class RealmTemplateCopyTest {

    /** The canonical template, relative to this module's base directory. */
    static final Path CANONICAL = Path.of("..", "auth", "src", "main", "resources", "keycloak", "slipway-realm.json");
    /** The chart's copy, relative to the chart directory. */
    static final Path CHART_COPY = Path.of("files", "slipway-realm.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void chartCopyOfTheRealmTemplateIsIdenticalToTheCanonicalOne() throws IOException {
        Path canonical = canonicalPath();
        Path copy = SlipwayChart.fromBuild().dir().resolve(CHART_COPY);
        assertThat(canonical).as("canonical realm template").isRegularFile();
        assertThat(copy).as("chart's realm template").isRegularFile();

        assertThat(Files.mismatch(canonical, copy))
                .as("""
                        %s differs from the canonical realm template %s (the number below is the offset of the first byte that differs). \
                        The chart must ship that template unchanged; copy it from the repository root:
                            cp auth/src/main/resources/keycloak/slipway-realm.json helm/slipway/files/slipway-realm.json""",
                        copy, canonical)
                .isEqualTo(-1L);
    }

    /** The canonical template, parsed. */
    static JsonNode canonicalRealm() {
        try {
            return JSON.readTree(canonicalPath().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path canonicalPath() {
        return Path.of(System.getProperty("user.dir")).resolve(CANONICAL).normalize();
    }
}
