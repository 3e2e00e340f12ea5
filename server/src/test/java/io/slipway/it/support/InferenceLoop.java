package io.slipway.it.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A client calling in a loop, recording which version answered when, and every failure. */
public final class InferenceLoop {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger answered = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> running;

    public InferenceLoop(java.util.function.Supplier<Inference.Answer> call) {
        running = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                Inference.Answer answer = call.get();
                if (answer.status() != 200) {
                    failures.add(answer.toString());
                    continue;
                }
                int version = answer.json().path("model_version").asInt();
                answers.add(new long[] {System.nanoTime(), version});
                answered.incrementAndGet();
            }
        });
    }

    /** Requests answered so far. */
    public int answered() {
        return answered.get();
    }

    /** Every request that was not answered with 200, as the client saw it. */
    public java.util.List<String> failures() {
        return java.util.List.copyOf(failures);
    }

    /** Returns once {@code count} requests have been answered in all. */
    public void awaitAnswers(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (answered.get() < count) {
            if (System.nanoTime() > deadline || running.isDone()) {
                throw new AssertionError("The client got only " + answered.get() + " answers; failures: " + failures);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** When a request first got an answer from {@code version} (waiting up to 30 s for one). */
    public long firstAnswerBy(int version) {
        return firstAnswerBy(version, 0);
    }

    public long firstAnswerBy(int version, long notBefore) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && !running.isDone()) {
            for (long[] answer : answers) {
                if (answer[1] == version && answer[0] >= notBefore) {
                    return answer[0];
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        throw new AssertionError("Version " + version + " never answered; failures: " + failures);
    }

    public void stop() throws Exception {
        stop.set(true);
        running.get(30, TimeUnit.SECONDS);
    }
}
