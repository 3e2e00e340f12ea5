package io.slipway.compute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpuProbeTest {

    @Test
    void nvidiaSmisCsvGivesEachGpuWithItsModelAndMemory() {
        String csv = "0, NVIDIA H100 80GB HBM3, 81559\n1, NVIDIA H100 80GB HBM3, 81559\n";
        assertThat(GpuProbe.parse(csv)).containsExactly(new Gpu(0, "NVIDIA H100 80GB HBM3", 81559),
                new Gpu(1, "NVIDIA H100 80GB HBM3", 81559));
    }

    @Test
    void linesThatAreNotGpusAreSkipped() {
        assertThat(GpuProbe.parse("NVIDIA-SMI has failed because it couldn't communicate with the driver\n"))
                .isEmpty();
    }

    @Test
    void aMachineWithoutNvidiaSmiHasNoGpus() {
        assertThat(GpuProbe.probe("/nonexistent/nvidia-smi")).isEmpty();
    }

    @Test
    void theAcceleratorIsNamedAfterTheModel() {
        assertThat(GpuProbe.acceleratorOf("NVIDIA H100 80GB HBM3")).isEqualTo("nvidia-h100");
        assertThat(GpuProbe.acceleratorOf("Tesla T4")).isEqualTo("nvidia-t4");
        assertThat(GpuProbe.acceleratorOf("NVIDIA A100-SXM4-40GB")).isEqualTo("nvidia-a100");
    }
}
