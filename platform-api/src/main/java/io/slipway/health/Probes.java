package io.slipway.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers a probe's last answer for a few seconds, so that a health endpoint polled by a load balancer and
 * a person at once does not probe a dependency each time. Thread-safe; two callers may probe at once.
 */
final class Probes {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FRESH_FOR = Duration.ofSeconds(3);

    private record Answer(Instant at, Optional<String> problem) {
    }

    private final Supplier<Optional<String>> probe;
    private final Clock clock;
    private volatile Answer last;

    Probes(Supplier<Optional<String>> probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    /** Empty when the dependency answered, else what is wrong with it. */
    Optional<String> problem() {
        Answer answer = last;
        Instant now = clock.instant();
        if (answer == null || answer.at().plus(FRESH_FOR).isBefore(now)) {
            answer = new Answer(now, probe.get());
            last = answer;
        }
        return answer.problem();
    }
}
