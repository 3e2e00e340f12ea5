package io.slipway.serving;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One deployment on the hot path: the version it serves and the one it served before, both loaded, behind a
 * bounded queue. Switching is one atomic swap of which version is current, so no request sees a half-switched
 * deployment and none fails because of a switch: a request that started on the old version finishes on it (its
 * lease keeps the session open), the next ones run on the new. The previous version stays loaded until the next
 * switch, so going back to it (a rollback) is another swap, with no load at all.
 */
public final class Route {

    private final String name;
    private final Admission admission;
    private final AtomicReference<Versions> versions = new AtomicReference<>(new Versions(null, null));

    /**
     * @param name      how messages name the deployment
     * @param admission its bounded queue
     */
    public Route(String name, Admission admission) {
        this.name = name;
        this.admission = admission;
    }

    /** A loaded version: its number, its model (this route holds a reference) and its batcher, if it batches. */
    public record Active(int version, LoadedModel model, Optional<MicroBatcher> batcher) {

        void retire() {
            batcher.ifPresent(MicroBatcher::close);
            model.release();
        }
    }

    private record Versions(Active current, Active previous) {
    }

    /**
     * Answers with the current version, or with {@code version} when the request names one that is loaded.
     *
     * @throws VersionNotServedException if nothing is loaded yet, or the version asked for is not loaded
     * @throws OverloadedException       if the deployment's queue is full
     */
    public InferenceResult infer(OptionalInt version, List<Tensor> inputs, List<String> outputs)
            throws VersionNotServedException, OverloadedException, InvalidInputException, InferenceFailedException,
            InterruptedException {
        try (Admission.Ticket ignored = admission.enter()) {
            while (true) {
                Active active = pick(versions.get(), version);
                Optional<LoadedModel.Lease> lease = active.model().lease();
                if (lease.isEmpty()) {
                    continue; // switched away from and closed since it was picked: the next read sees the new one
                }
                try (LoadedModel.Lease held = lease.get()) {
                    List<Tensor> answer = active.batcher().isPresent()
                            ? active.batcher().get().infer(inputs, outputs)
                            : held.infer(inputs, outputs);
                    return new InferenceResult(active.version(), answer);
                }
            }
        }
    }

    private Active pick(Versions loaded, OptionalInt version) throws VersionNotServedException {
        if (loaded.current() == null) {
            throw new VersionNotServedException("Deployment " + name + " has no version loaded yet.");
        }
        if (version.isEmpty() || version.getAsInt() == loaded.current().version()) {
            return loaded.current();
        }
        if (loaded.previous() != null && version.getAsInt() == loaded.previous().version()) {
            return loaded.previous();
        }
        throw new VersionNotServedException("Deployment " + name + " does not serve version " + version.getAsInt()
                + "; it serves version " + loaded.current().version()
                + (loaded.previous() == null ? "" : " (and keeps version " + loaded.previous().version() + " loaded)") + ".");
    }

    /**
     * Makes {@code model} (already loaded and checked; this route takes over the caller's reference) the current
     * version; the current one becomes the previous, and the one before is released once its last request ends.
     * When {@code batching} is on and the model can be batched, its requests are batched.
     */
    public void switchTo(int version, LoadedModel model, BatchingSettings batching, int queueCapacity, ThreadFactory threads) {
        Optional<MicroBatcher> batcher = batching.enabled() && MicroBatcher.canBatch(model.signature())
                ? Optional.of(new MicroBatcher(model, batching, queueCapacity, threads))
                : Optional.empty();
        Active next = new Active(version, model, batcher);
        Versions before = versions.getAndUpdate(loaded -> new Versions(next, loaded.current()));
        if (before.previous() != null) {
            before.previous().retire();
        }
    }

    /**
     * Makes the previous version current again (and the current one the previous) when it is {@code version}:
     * a rollback with nothing to load.
     *
     * @return false if the previous version is not {@code version} (the caller loads it instead)
     */
    public boolean swapBackTo(int version) {
        Versions before = versions.get();
        while (before.previous() != null && before.previous().version() == version) {
            if (versions.compareAndSet(before, new Versions(before.previous(), before.current()))) {
                return true;
            }
            before = versions.get();
        }
        return false;
    }

    /** The version answering requests, if one is loaded. */
    public Optional<Active> current() {
        return Optional.ofNullable(versions.get().current());
    }

    /** The version kept loaded for an instant rollback, if any. */
    public Optional<Active> previous() {
        return Optional.ofNullable(versions.get().previous());
    }

    /** Whether that version is loaded (current or previous). */
    public boolean serves(int version) {
        Versions loaded = versions.get();
        return loaded.current() != null && loaded.current().version() == version
                || loaded.previous() != null && loaded.previous().version() == version;
    }

    public Admission admission() {
        return admission;
    }

    /** Releases both versions (each closes when its last request ends). The route answers nothing afterwards. */
    void close() {
        Versions before = versions.getAndSet(new Versions(null, null));
        if (before.current() != null) {
            before.current().retire();
        }
        if (before.previous() != null) {
            before.previous().retire();
        }
    }
}
