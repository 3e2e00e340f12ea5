package io.slipway.console.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsInputTest {

    @Test
    void metricsAreNameEqualsNumberPairsOrAJsonObject() {
        assertThat(MetricsInput.metrics("accuracy=0.93, f1: 0.88\nloss = 1e-3"))
                .containsExactly(Map.entry("accuracy", 0.93), Map.entry("f1", 0.88), Map.entry("loss", 0.001));
        assertThat(MetricsInput.metrics("{\"accuracy\": 0.93}")).containsExactly(Map.entry("accuracy", 0.93));
        assertThat(MetricsInput.metrics("  ")).isEmpty();
        assertThat(MetricsInput.metrics(null)).isEmpty();
    }

    @Test
    void malformedMetricsSayWhatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> MetricsInput.metrics("accuracy"))
                .withMessage("'accuracy' is not name=number");
        assertThatIllegalArgumentException().isThrownBy(() -> MetricsInput.metrics("accuracy=high"))
                .withMessage("'high' is not a number");
        assertThatIllegalArgumentException().isThrownBy(() -> MetricsInput.metrics("{\"accuracy\": \"high\"}"))
                .withMessageContaining("JSON object of numbers");
    }

    @Test
    void trainingDataIsDatasetVersionsAsNameColonVersion() {
        assertThat(MetricsInput.datasets("transactions:3, iris-train:1")).containsExactly("transactions:3",
                "iris-train:1");
        assertThat(MetricsInput.datasets("")).isEqualTo(List.of());
        assertThatIllegalArgumentException().isThrownBy(() -> MetricsInput.datasets("transactions"))
                .withMessage("'transactions' is not name:version");
    }
}
