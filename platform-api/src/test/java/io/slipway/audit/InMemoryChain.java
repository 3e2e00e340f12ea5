package io.slipway.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An organization's chain in memory, grown exactly as {@link AuditLog} grows a stored one, and editable the way a
 * rogue database administrator edits rows. Counts what verification reads.
 */
final class InMemoryChain implements ChainRows {

    private final UUID orgId = UUID.randomUUID();
    private final AuditSigning signing;
    final NavigableMap<Long, ChainedEvent> events = new TreeMap<>();
    final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    AuditChainHead head;
    long eventsRead;
    int queries;

    InMemoryChain(AuditSigning signing) {
        this.signing = signing;
    }

    InMemoryChain append(int count) {
        for (int i = 0; i < count; i++) {
            if (head == null) {
                head = new AuditChainHead(orgId, ChainState.EMPTY);
            }
            long seq = head.state().lastSeq() + 1;
            ChainLink link = new ChainLink(seq, Instant.parse("2026-11-21T00:00:00Z").plusSeconds(seq), "person", "u-1",
                    "alice", "project.updated", "project", "acme/p", null, null, null, "{\"n\":" + seq + "}");
            AuditEvent event = new AuditEvent(link, head.state().lastHash());
            events.put(seq, event);
            signing.advance(chain(), head, event).ifPresent(c -> checkpoints.put(c.seq(), c));
        }
        return this;
    }

    /** Replaces event {@code seq} by one with other content, with its hash recomputed (or not). */
    void rewrite(long seq, String afterState, boolean rehash) {
        ChainedEvent old = events.get(seq);
        ChainLink l = old.link();
        ChainLink changed = new ChainLink(l.seq(), l.occurredAt(), l.actorKind(), l.actorId(), "mallory", l.action(),
                l.targetType(), l.targetId(), l.projectId(), l.projectSlug(), l.beforeState(), afterState);
        String hash = rehash ? changed.hash(old.prevHash()) : old.hash();
        events.put(seq, new Row(seq, old.prevHash(), hash, changed));
    }

    /** Recomputes every hash from {@code seq} on, as someone who rewrote event {@code seq} would. */
    void relinkFrom(long seq) {
        String prev = seq == 1 ? ChainLink.GENESIS : events.get(seq - 1).hash();
        for (ChainedEvent e : new ArrayList<>(events.tailMap(seq, true).values())) {
            String hash = e.link().hash(prev);
            events.put(e.seq(), new Row(e.seq(), prev, hash, e.link()));
            prev = hash;
        }
    }

    @Override
    public String chain() {
        return orgId.toString();
    }

    @Override
    public boolean neverEmpty() {
        return true;
    }

    @Override
    public Optional<SignedHead> head() {
        queries++;
        return Optional.ofNullable(head).map(h -> new SignedHead(h.state(), h.mac()));
    }

    @Override
    public Optional<Checkpoint> checkpoint(long seq) {
        queries++;
        return Optional.ofNullable(checkpoints.get(seq));
    }

    @Override
    public List<Checkpoint> checkpoints(long fromSeq, long toSeq) {
        queries++;
        return List.copyOf(checkpoints.subMap(fromSeq, true, toSeq, true).values());
    }

    @Override
    public List<ChainedEvent> events(long fromSeq, int limit) {
        queries++;
        List<ChainedEvent> read = events.tailMap(fromSeq, true).values().stream().limit(limit).toList();
        eventsRead += read.size();
        return read;
    }

    @Override
    public Optional<String> hashOf(long seq) {
        queries++;
        return Optional.ofNullable(events.get(seq)).map(ChainedEvent::hash);
    }

    @Override
    public OptionalLong lastEventSeq() {
        queries++;
        return events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(events.lastKey());
    }

    void resetCounters() {
        eventsRead = 0;
        queries = 0;
    }

    private record Row(long seq, String prevHash, String hash, ChainLink link) implements ChainedEvent {
    }
}
