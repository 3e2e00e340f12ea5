package io.slipway.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stacks concurrent requests to one model into batches along their first dimension and runs each batch once,
 * handing every request back its own rows. One worker thread; a bounded queue whose overflow is refused with
 * {@link OverloadedException}. Only for models whose every input and output has a dynamic first dimension
 * ({@link #canBatch}); requests that cannot be stacked with the batch being formed (another shape after the
 * first dimension, other outputs asked for) start the next one.
 */
public final class MicroBatcher implements AutoCloseable {

    private static final Duration IDLE_POLL = Duration.ofMillis(200);

    private final LoadedModel model;
    private final BatchingSettings settings;
    private final BlockingQueue<Pending> queue;
    private final Thread worker;
    private final AtomicLong batchesRun = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param model         the model to run; the caller keeps it open for as long as this batcher runs
     * @param queueCapacity requests that may wait for a batch; more are refused
     * @param threads       makes the worker thread (a managed one inside the application server)
     */
    public MicroBatcher(LoadedModel model, BatchingSettings settings, int queueCapacity, ThreadFactory threads) {
        if (!canBatch(model.signature())) {
            throw new IllegalArgumentException("The model's inputs and outputs need a dynamic first dimension to be batched: "
                    + model.signature().describe());
        }
        this.model = model;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queueCapacity));
        this.worker = threads.newThread(this::work);
        this.worker.setName("slipway-batcher-" + model.sha256().substring(0, 12));
        this.worker.start();
    }

    /** Whether requests to a model of this signature can be stacked: every input and output has a dynamic batch dimension. */
    public static boolean canBatch(ModelSignature signature) {
        return !signature.inputs().isEmpty()
                && signature.inputs().stream().allMatch(MicroBatcher::dynamicFirstDimension)
                && signature.outputs().stream().allMatch(MicroBatcher::dynamicFirstDimension);
    }

    private static boolean dynamicFirstDimension(TensorSpec spec) {
        return spec.isTensor() && !spec.shape().isEmpty() && spec.shape().getFirst() == TensorSpec.DYNAMIC;
    }

    /**
     * Runs the request in the next batch and returns its rows of the answer.
     *
     * @throws OverloadedException if the queue is full
     */
    public List<Tensor> infer(List<Tensor> inputs, List<String> outputs)
            throws InvalidInputException, InferenceFailedException, OverloadedException, InterruptedException {
        InputCheck.check(model.signature(), inputs);
        InputCheck.checkOutputs(model.signature(), outputs);
        Pending request = new Pending(inputs, outputs);
        if (!queue.offer(request)) {
            throw new OverloadedException("This deployment's batch queue is full (" + queue.size()
                    + " requests wait). Try again shortly.", Duration.ofSeconds(1));
        }
        if (closed && queue.remove(request)) {
            return model.run(inputs, outputs); // the worker has stopped: run it alone
        }
        return request.await();
    }

    /** Batches run so far (a request run alone counts as one). */
    public long batchesRun() {
        return batchesRun.get();
    }

    /** Requests waiting for a batch. */
    public int waiting() {
        return queue.size();
    }

    /** Stops taking batches once the queue is empty; requests already queued are still answered. */
    @Override
    public void close() {
        closed = true;
    }

    private void work() {
        Pending carried = null;
        while (true) {
            Pending first = carried;
            carried = null;
            try {
                if (first == null) {
                    first = queue.poll(IDLE_POLL.toNanos(), TimeUnit.NANOSECONDS);
                }
                if (first == null) {
                    if (closed && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                long rows = first.rows;
                long deadline = System.nanoTime() + settings.maxDelay().toNanos();
                while (rows < settings.maxBatchSize()) {
                    long wait = deadline - System.nanoTime();
                    Pending next = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    if (!first.stacksWith(next) || rows + next.rows > settings.maxBatchSize()) {
                        carried = next;
                        break;
                    }
                    batch.add(next);
                    rows += next.rows;
                }
                run(batch, rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failAll(first, carried, new InferenceFailedException("Serving stopped before this request ran."));
                return;
            }
        }
    }

    private void run(List<Pending> batch, long rows) {
        batchesRun.incrementAndGet();
        Pending first = batch.getFirst();
        if (batch.size() == 1) {
            first.complete(() -> model.run(first.inputs, first.outputs));
            return;
        }
        List<Tensor> outputs;
        try {
            List<Tensor> stacked = new ArrayList<>();
            for (Tensor input : first.inputs) {
                stacked.add(Tensor.concatenate(input.name(), batch.stream().map(p -> p.input(input.name())).toList()));
            }
            outputs = model.run(stacked, first.outputs);
            for (Tensor output : outputs) {
                if (output.rank() == 0 || output.dimension(0) != rows) {
                    throw new InferenceFailedException("Output " + output.name() + " has shape "
                            + Tensor.describeShape(output.shape()) + ", which does not follow the batch of " + rows
                            + " rows; turn micro-batching off for this model.");
                }
            }
        } catch (InferenceFailedException | RuntimeException e) {
            InferenceFailedException failure = e instanceof InferenceFailedException f ? f
                    : new InferenceFailedException("The batch could not be run: " + e.getMessage(), e);
            batch.forEach(p -> p.answer.completeExceptionally(failure));
            return;
        }
        long from = 0;
        for (Pending request : batch) {
            long start = from;
            request.answer.complete(outputs.stream().map(output -> output.rows(start, request.rows)).toList());
            from += request.rows;
        }
    }

    private static void failAll(Pending first, Pending carried, InferenceFailedException failure) {
        for (Pending pending : new Pending[] {first, carried}) {
            if (pending != null) {
                pending.answer.completeExceptionally(failure);
            }
        }
    }

    /** A request waiting for its batch. */
    private static final class Pending {

        private final List<Tensor> inputs;
        private final Map<String, Tensor> byName;
        private final List<String> outputs;
        private final long rows;
        private final CompletableFuture<List<Tensor>> answer = new CompletableFuture<>();

        Pending(List<Tensor> inputs, List<String> outputs) {
            this.inputs = inputs;
            this.byName = inputs.stream().collect(Collectors.toMap(Tensor::name, Function.identity()));
            this.outputs = outputs;
            this.rows = inputs.getFirst().dimension(0);
        }

        Tensor input(String name) {
            return byName.get(name);
        }

        boolean stacksWith(Pending other) {
            return outputs.equals(other.outputs) && rows(this) == rows && rows(other) == other.rows
                    && inputs.stream().allMatch(input -> input.stacksWith(other.input(input.name())));
        }

        /** Every input of a request has the same number of rows, or the request is not stacked. */
        private static long rows(Pending request) {
            long rows = request.rows;
            return request.inputs.stream().allMatch(input -> input.dimension(0) == rows) ? rows : -1;
        }

        void complete(Run run) {
            try {
                answer.complete(run.run());
            } catch (InferenceFailedException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }

        List<Tensor> await() throws InferenceFailedException, InterruptedException {
            try {
                return answer.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InferenceFailedException failure) {
                    throw failure;
                }
                throw new InferenceFailedException("The batch could not be run: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    @FunctionalInterface
    private interface Run {
        List<Tensor> run() throws InferenceFailedException;
    }
}
