package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InspectorSettingsTest {

    @Test
    void sizesAreReadAsKubernetesAndTheJvmWriteThemInBinaryUnits() {
        assertThat(InspectorSettings.parseSize("536870912")).isEqualTo(512L << 20);
        assertThat(InspectorSettings.parseSize("512Mi")).isEqualTo(512L << 20);
        assertThat(InspectorSettings.parseSize("512MiB")).isEqualTo(512L << 20);
        assertThat(InspectorSettings.parseSize("1Gi")).isEqualTo(1L << 30);
        assertThat(InspectorSettings.parseSize("1g")).isEqualTo(1L << 30);
        assertThat(InspectorSettings.parseSize(" 64 Ki ")).isEqualTo(64L << 10);
    }

    @Test
    void aSizeThatIsNotOneIsRefusedWithAnExample() {
        assertThatThrownBy(() -> InspectorSettings.parseSize("lots")).hasMessageContaining("512Mi");
        assertThatThrownBy(() -> InspectorSettings.parseSize("-1Gi")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InspectorSettings.parseSize("99999999999Ti")).hasMessageContaining("too large");
    }

    @Test
    void anInspectorWithLessMemoryThanAJvmNeedsIsRefused() {
        assertThatThrownBy(() -> InspectorSettings.defaults(Path.of("w")).withMemoryBytes(64L << 20))
                .hasMessage("The inspector's memory must be at least 128 MiB, not 64 MiB.");
    }

    @Test
    void sizesAreDescribedForPeople() {
        assertThat(InspectorSettings.describe(512L << 20)).isEqualTo("512 MiB");
        assertThat(InspectorSettings.describe(1536L << 20)).isEqualTo("1.5 GiB");
        assertThat(InspectorSettings.describe(300)).isEqualTo("300 bytes");
    }
}
