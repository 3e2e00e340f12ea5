package io.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StagingPartSizeTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void partsStayAtEightMibForTheFirstThousandAndThenDouble() {
        assertThat(Staging.partSize(ObjectStore.PART_SIZE, 1)).isEqualTo(8 * MIB);
        assertThat(Staging.partSize(ObjectStore.PART_SIZE, 1000)).isEqualTo(8 * MIB);
        assertThat(Staging.partSize(ObjectStore.PART_SIZE, 1001)).isEqualTo(16 * MIB);
        assertThat(Staging.partSize(ObjectStore.PART_SIZE, 10_000)).isEqualTo(1024 * MIB);
    }

    @Test
    void tenThousandPartsHoldTheLargestArtifact() {
        assertThat(Staging.capacity(ObjectStore.PART_SIZE)).isGreaterThanOrEqualTo(ObjectStore.MAX_OBJECT_SIZE);
    }
}
