package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {

    @TempDir
    Path dir;

    private final ModelCache cache = new ModelCache();
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void deploymentsOfTheSameBytesShareOneSessionThatClosesWithItsLastUser() throws Exception {
        LoadedModel first = cache.acquire("acme", "aa", ExecutionTarget.cpu(1), this::doubler);
        LoadedModel second = cache.acquire("acme", "aa", ExecutionTarget.cpu(1), this::doubler);
        LoadedModel otherBytes = cache.acquire("acme", "bb", ExecutionTarget.cpu(1), this::doubler);
        LoadedModel otherTenant = cache.acquire("globex", "aa", ExecutionTarget.cpu(1), this::doubler);

        assertThat(second).isSameAs(first);
        assertThat(otherBytes).isNotSameAs(first);
        assertThat(otherTenant).as("never shared across tenants").isNotSameAs(first);
        assertThat(loads).hasValue(3);
        otherTenant.release();
        first.release();
        assertThat(second.isClosed()).as("one user left").isFalse();
        second.release();
        assertThat(first.isClosed()).isTrue();
        assertThat(cache.size()).isEqualTo(1);

        LoadedModel again = cache.acquire("acme", "aa", ExecutionTarget.cpu(1), this::doubler);
        assertThat(again).isNotSameAs(first);
        assertThat(loads).as("a closed session is loaded afresh").hasValue(4);
        again.release();
        otherBytes.release();
    }

    private LoadedModel doubler() {
        loads.incrementAndGet();
        try {
            return TestModels.multiplier(dir, 2f);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
