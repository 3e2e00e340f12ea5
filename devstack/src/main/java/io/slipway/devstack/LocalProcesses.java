package io.slipway.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Helpers for services that run as local processes: free ports, stopping a process tree, log tails. */
final class LocalProcesses {

    private static final System.Logger LOG = System.getLogger(LocalProcesses.class.getName());
    private static final int TAIL_WINDOW_BYTES = 64 * 1024;

    private LocalProcesses() {
    }

    /** @throws DevServiceException if something already listens on 127.0.0.1:{@code port} */
    static void requireFreePort(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw new DevServiceException("Cannot start: " + what + " port " + port + " on 127.0.0.1 is already in use"
                    + " (another instance or service?). Stop it or choose another port.", e);
        } catch (IOException e) {
            throw new DevServiceException("Cannot check " + what + " port " + port, e);
        }
    }

    /**
     * SIGTERM to a process and all its descendants, waiting for them to exit; SIGKILL to whatever is left
     * after {@code timeout}.
     */
    static void stopTree(ProcessHandle root, Duration timeout) {
        // Snapshot the tree first: once the parent dies its children are re-parented and out of reach.
        List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, timeout)) {
            LOG.log(Level.WARNING, "Process {0} did not stop within {1}; killing it", String.valueOf(root.pid()), timeout);
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        }
    }

    /** The last {@code lines} lines written to {@code log} after byte {@code offset}, as a message suffix. */
    static String logTail(Path log, long offset, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(offset, length - TAIL_WINDOW_BYTES);
            byte[] bytes = new byte[(int) Math.max(0, length - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return " Last lines of " + log + ":\n" + String.join("\n", tail);
        } catch (IOException e) {
            return " (log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
