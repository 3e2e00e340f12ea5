package io.slipway.storage;

import io.minio.errors.ErrorResponseException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one asynchronous MinIO call to its end and turns whatever it throws into a {@link StorageException}
 * naming the operation, bucket and key, so that MinIO's checked exceptions never leave this package.
 */
final class S3Calls {

    /** Codes that mean "not there"; S3 answers NoSuchBucket before NoSuchKey when the bucket is missing. */
    static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchBucket", "NoSuchObject");
    static final String NO_SUCH_BUCKET = "NoSuchBucket";
    static final String NO_SUCH_UPLOAD = "NoSuchUpload";
    /**
     * Codes by which a store says it is overloaded or down for now ({@code InternalError} is S3's "try again",
     * which S3Proxy also answers for requests in flight while it stops).
     */
    static final Set<String> UNAVAILABLE = Set.of("ServiceUnavailable", "SlowDown", "RequestTimeout", "InternalError");

    /** How long clean-up after a failure may wait for the server, ignoring interrupts. */
    private static final long CLEANUP_TIMEOUT_SECONDS = 60;

    /** A MinIO call; they declare half a dozen checked exceptions before they even return a future. */
    @FunctionalInterface
    interface Call<T> {
        CompletableFuture<T> start() throws Exception;
    }

    /** A MinIO call that blocks by itself (a page of a listing, a presignature). */
    @FunctionalInterface
    interface BlockingCall<T> {
        T run() throws Exception;
    }

    private S3Calls() {
    }

    /** Runs a blocking call, translating what it throws. */
    static <T> T run(String operation, String bucket, String key, BlockingCall<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw translate(operation, bucket, key, e);
        }
    }

    /** Starts the call and waits for its result. */
    static <T> T await(String operation, String bucket, String key, Call<T> call) {
        CompletableFuture<T> future = start(operation, bucket, key, call);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting to " + operation + where(bucket, key), e);
        } catch (ExecutionException | CancellationException e) {
            throw translate(operation, bucket, key, e);
        }
    }

    /**
     * Like {@link #await} but for clean-up after another failure: waits even if the thread is interrupted
     * (restoring the flag afterwards), and at most {@value #CLEANUP_TIMEOUT_SECONDS} seconds.
     */
    static <T> T awaitCleanup(String operation, String bucket, String key, Call<T> call) {
        CompletableFuture<T> future = start(operation, bucket, key, call);
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLEANUP_TIMEOUT_SECONDS);
            while (true) {
                try {
                    return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException e) {
                    throw new StorageException("Timed out waiting to " + operation + where(bucket, key), e);
                } catch (ExecutionException | CancellationException e) {
                    throw translate(operation, bucket, key, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the call without waiting; what starting throws is translated, what the future fails with is not. */
    static <T> CompletableFuture<T> start(String operation, String bucket, String key, Call<T> call) {
        try {
            return call.start();
        } catch (Exception e) {
            throw translate(operation, bucket, key, e);
        }
    }

    /** The exception to throw for a failed call; {@link ObjectNotFoundException} for the not-found codes. */
    static StorageException translate(String operation, String bucket, String key, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StorageException storage) {
            return storage;
        }
        if (cause instanceof ErrorResponseException response) {
            String code = response.errorResponse().code();
            if (NOT_FOUND.contains(code) && key != null) {
                return new ObjectNotFoundException(bucket, key, cause, code);
            }
            if (UNAVAILABLE.contains(code)) {
                return new StoreUnavailableException("Cannot " + operation + where(bucket, key) + ": the store"
                        + " answered " + code, cause, code);
            }
            return new StorageException("Cannot " + operation + where(bucket, key) + ": " + code + " "
                    + response.errorResponse().message(), cause, code);
        }
        if (isTransportFailure(cause)) {
            return new StoreUnavailableException("Cannot " + operation + where(bucket, key)
                    + ": the store is unreachable (" + cause + ")", cause, null);
        }
        return new StorageException("Cannot " + operation + where(bucket, key) + ": " + cause, cause);
    }

    /**
     * Whether the call failed on its way to or from the store (refused, reset, timed out, an HTTP answer that
     * is no S3 answer), not because the store refused the request.
     */
    private static boolean isTransportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof io.minio.errors.ServerException) {
                return true;
            }
        }
        return false;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static boolean hasCode(StorageException e, String code) {
        return code.equals(e.s3ErrorCode());
    }

    private static String where(String bucket, String key) {
        if (bucket == null) {
            return "";
        }
        return key == null ? " (bucket " + bucket + ")" : " (bucket " + bucket + ", key " + key + ")";
    }
}
