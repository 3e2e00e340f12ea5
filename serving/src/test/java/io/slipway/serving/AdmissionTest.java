package io.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void requestsBeyondTheQueueAreRefusedAtOnceWithARetryHint() throws Exception {
        Admission admission = new Admission(1, 1);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Admission.Ticket running = admission.enter();
            CompletableFuture<Admission.Ticket> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return admission.enter();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            Awaits.until("the second request waits", () -> admission.inFlight() == 2);
            assertThat(admission.waiting()).isEqualTo(1);

            assertThatThrownBy(admission::enter)
                    .isInstanceOfSatisfying(OverloadedException.class,
                            e -> assertThat(e.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)))
                    .hasMessageContaining("at capacity");
            assertThat(admission.inFlight()).isEqualTo(2);

            running.close();
            waiting.get(30, TimeUnit.SECONDS).close();
            assertThat(admission.inFlight()).isZero();
            admission.enter().close();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aTicketClosedTwiceGivesItsPlaceBackOnce() throws Exception {
        Admission admission = new Admission(1, 0);
        Admission.Ticket ticket = admission.enter();

        ticket.close();
        ticket.close();

        assertThat(admission.inFlight()).isZero();
        Admission.Ticket next = admission.enter();
        assertThatThrownBy(admission::enter).isInstanceOf(OverloadedException.class);
        next.close();
    }
}
