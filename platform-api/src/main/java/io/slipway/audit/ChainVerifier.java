package io.slipway.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a chain against its signed head and checkpoints. {@link #tail} is what every page of the trail runs: it
 * reads the head, the latest checkpoint and the events after it, so its cost is bounded by the checkpoint
 * interval, whatever the chain's length. {@link #range} is one page of the explicit full verification.
 */
public final class ChainVerifier {

    /** Events read per query. */
    static final int BATCH = 1000;

    private final ChainSigner signer;

    public ChainVerifier(ChainSigner signer) {
        this.signer = signer;
    }

    /**
     * Verifies the head's signature, the latest checkpoint it names, and every event after that checkpoint up to
     * the head (and that nothing follows the head).
     */
    public ChainVerification tail(ChainRows rows) {
        Optional<SignedHead> found = rows.head();
        Optional<ChainBreak> headBreak = headProblem(rows, found);
        long lastSeq = found.map(h -> h.state().lastSeq()).orElse(0L);
        if (headBreak.isPresent()) {
            return ChainVerification.broken(0, headBreak.get(), lastSeq, 0);
        }
        if (found.isEmpty()) {
            return ChainVerification.ok(0, 0, 0);
        }
        ChainState head = found.get().state();
        String prev = ChainLink.GENESIS;
        if (head.checkpointSeq() > 0) {
            Optional<Checkpoint> checkpoint = rows.checkpoint(head.checkpointSeq());
            Optional<ChainBreak> checkpointBreak = checkpointProblem(rows, head.checkpointSeq(), checkpoint);
            if (checkpointBreak.isPresent()) {
                return ChainVerification.broken(0, checkpointBreak.get(), lastSeq, head.checkpointSeq());
            }
            prev = checkpoint.orElseThrow().hash();
        }
        Walked walked = walk(rows, head.checkpointSeq() + 1, prev, head.lastSeq(), true, Map.of());
        Optional<ChainBreak> end = walked.problem().or(() -> endProblem(walked, head));
        return end.map(b -> ChainVerification.broken(walked.checked(), b, lastSeq, head.checkpointSeq()))
                .orElseGet(() -> ChainVerification.ok(walked.checked(), lastSeq, head.checkpointSeq()));
    }

    /**
     * Verifies events {@code from} to {@code from + limit - 1} (at most to the head's last event), linked from the
     * stored hash of event {@code from - 1}.
     */
    public ChainRangeVerification range(ChainRows rows, long from, int limit) {
        if (from < 1 || limit < 1) {
            throw new IllegalArgumentException("from and limit start at 1");
        }
        Optional<SignedHead> found = rows.head();
        long lastSeq = found.map(h -> h.state().lastSeq()).orElse(0L);
        Optional<ChainBreak> headBreak = headProblem(rows, found);
        if (headBreak.isPresent()) {
            ChainBreak b = headBreak.get();
            return new ChainRangeVerification(from, from - 1, lastSeq, 0, 0, false, b.seq(), b.problem(), null);
        }
        if (from > lastSeq) {
            return new ChainRangeVerification(from, from - 1, lastSeq, 0, 0, true, null, null, null);
        }
        ChainState head = found.orElseThrow().state();
        long to = Math.min(lastSeq, from + limit - 1);
        Optional<String> prev = from == 1 ? Optional.of(ChainLink.GENESIS) : rows.hashOf(from - 1);
        if (prev.isEmpty()) {
            return result(from, to, lastSeq, new Walked(0, null, Optional.of(missing(from - 1))), 0);
        }
        Map<Long, Checkpoint> checkpoints = rows.checkpoints(from, to).stream()
                .collect(Collectors.toMap(Checkpoint::seq, Function.identity()));
        Walked walked = walk(rows, from, prev.get(), to, to == lastSeq, checkpoints);
        Optional<ChainBreak> problem = walked.problem();
        if (problem.isEmpty() && head.checkpointSeq() >= from && head.checkpointSeq() <= to
                && !checkpoints.containsKey(head.checkpointSeq())) {
            problem = Optional.of(new ChainBreak(head.checkpointSeq(),
                    "checkpoint " + head.checkpointSeq() + ", which the head builds on, is missing"));
        }
        if (problem.isEmpty() && to == lastSeq) {
            problem = endProblem(walked, head);
        }
        return result(from, to, lastSeq, new Walked(walked.checked(), walked.lastHash(), problem), checkpoints.size());
    }

    private static ChainRangeVerification result(long from, long to, long lastSeq, Walked walked, int checkpoints) {
        Long next = to < lastSeq ? to + 1 : null;
        return walked.problem()
                .map(b -> new ChainRangeVerification(from, to, lastSeq, walked.checked(), checkpoints, false, b.seq(),
                        b.problem(), next))
                .orElseGet(() -> new ChainRangeVerification(from, to, lastSeq, walked.checked(), checkpoints, true,
                        null, null, next));
    }

    private Optional<ChainBreak> headProblem(ChainRows rows, Optional<SignedHead> found) {
        if (found.isEmpty()) {
            OptionalLong stored = rows.lastEventSeq();
            if (rows.neverEmpty() || stored.isPresent()) {
                return Optional.of(new ChainBreak(stored.orElse(0) + 1,
                        "the chain's head is missing: the last events may have been deleted with it"));
            }
            return Optional.empty();
        }
        SignedHead head = found.get();
        if (head.state().isEmpty()) {
            return rows.neverEmpty()
                    ? Optional.of(new ChainBreak(1, "the chain's head says it is empty, but the chain begins with the "
                    + "organization's creation: its events were deleted"))
                    : Optional.empty();
        }
        if (!signer.signsHead(rows.chain(), head.state(), head.mac())) {
            return Optional.of(new ChainBreak(head.state().lastSeq(), "the chain's head is not signed with this "
                    + "server's audit key: it was edited (for example, to hide deleted events) or written without the key"));
        }
        return Optional.empty();
    }

    private Optional<ChainBreak> checkpointProblem(ChainRows rows, long seq, Optional<Checkpoint> checkpoint) {
        if (checkpoint.isEmpty()) {
            return Optional.of(new ChainBreak(seq, "checkpoint " + seq + ", which the head builds on, is missing"));
        }
        if (!signer.signsCheckpoint(rows.chain(), seq, checkpoint.get().hash(), checkpoint.get().mac())) {
            return Optional.of(new ChainBreak(seq, "checkpoint " + seq + " is not signed with this server's audit key"));
        }
        Optional<String> stored = rows.hashOf(seq);
        if (stored.isEmpty()) {
            return Optional.of(missing(seq));
        }
        if (!stored.get().equals(checkpoint.get().hash())) {
            return Optional.of(rewritten(seq));
        }
        return Optional.empty();
    }

    /** Whether the walk ended exactly at the head: the same last event, with the same hash. */
    private static Optional<ChainBreak> endProblem(Walked walked, ChainState head) {
        if (!head.lastHash().equals(walked.lastHash())) {
            return Optional.of(new ChainBreak(head.lastSeq(), "the last event does not have the hash the chain's "
                    + "signed head names"));
        }
        return Optional.empty();
    }

    /**
     * Walks events {@code fromSeq..toSeq}, linked from {@code prev}, and when {@code toSeq} is the head's last
     * event checks that none follows it.
     */
    private Walked walk(ChainRows rows, long fromSeq, String prev, long toSeq, boolean toHead,
                        Map<Long, Checkpoint> checkpoints) {
        long expected = fromSeq;
        long checked = 0;
        String lastHash = prev;
        while (true) {
            int want = (int) Math.min(BATCH, toSeq - expected + 1);
            // up to the head, the last query asks for one more: an event after the head's was added behind
            // Slipway's back
            int extra = toHead && expected + want - 1 == toSeq ? 1 : 0;
            List<? extends ChainedEvent> batch = want + extra == 0 ? List.of() : rows.events(expected, want + extra);
            if (batch.isEmpty() && expected <= toSeq) {
                return new Walked(checked, lastHash, Optional.of(new ChainBreak(expected, "the chain ends at event "
                        + (expected - 1) + ", but its signed head names event " + toSeq
                        + ": the last events were deleted")));
            }
            for (ChainedEvent event : batch) {
                if (expected > toSeq) {
                    return new Walked(checked, lastHash, Optional.of(new ChainBreak(event.seq(), "event " + event.seq()
                            + " follows the last event the chain's signed head names: it was added behind "
                            + "Slipway's back")));
                }
                checked++;
                Optional<ChainBreak> problem = linkProblem(rows, event, expected, lastHash, checkpoints);
                if (problem.isPresent()) {
                    return new Walked(checked, lastHash, problem);
                }
                lastHash = event.hash();
                expected++;
            }
            if (expected > toSeq) {
                return new Walked(checked, lastHash, Optional.empty());
            }
        }
    }

    private Optional<ChainBreak> linkProblem(ChainRows rows, ChainedEvent event, long expectedSeq, String prev,
                                             Map<Long, Checkpoint> checkpoints) {
        if (event.seq() != expectedSeq) {
            return Optional.of(missing(expectedSeq));
        }
        if (!event.prevHash().equals(prev)) {
            return Optional.of(new ChainBreak(event.seq(),
                    "does not link to the event before it (previous hash differs)"));
        }
        if (!event.link().hash(event.prevHash()).equals(event.hash())) {
            return Optional.of(ChainBreak.changed(event.seq()));
        }
        Checkpoint checkpoint = checkpoints.get(event.seq());
        if (checkpoint != null) {
            if (!signer.signsCheckpoint(rows.chain(), checkpoint.seq(), checkpoint.hash(), checkpoint.mac())) {
                return Optional.of(new ChainBreak(event.seq(),
                        "checkpoint " + event.seq() + " is not signed with this server's audit key"));
            }
            if (!checkpoint.hash().equals(event.hash())) {
                return Optional.of(rewritten(event.seq()));
            }
        }
        return Optional.empty();
    }

    private static ChainBreak missing(long seq) {
        return new ChainBreak(seq, "event " + seq + " is missing");
    }

    private static ChainBreak rewritten(long seq) {
        return new ChainBreak(seq, "event " + seq + " no longer has the hash its signed checkpoint names: it, or an "
                + "event before it, was rewritten");
    }

    /** How far a walk got: events checked, the hash of the last good one, and the first problem. */
    private record Walked(long checked, String lastHash, Optional<ChainBreak> problem) {
    }
}
