package io.slipway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What verification notices, and what it reads to notice it. */
class ChainVerifierTest {

    private static final String KEY = "a test key of at least thirty-two bytes";
    private static final int INTERVAL = 128;

    private final AuditSigning signing = new AuditSigning(KEY, INTERVAL);
    private final ChainVerifier verifier = signing.verifier();

    @Test
    void anUntouchedChainVerifiesInPagesAndAtItsTail() {
        InMemoryChain chain = new InMemoryChain(signing).append(1000);

        ChainVerification tail = verifier.tail(chain);
        List<ChainRangeVerification> pages = fullVerification(chain, 300);

        assertThat(tail.verified()).as("%s", tail).isTrue();
        assertThat(tail.lastSeq()).isEqualTo(1000);
        assertThat(tail.checkpointSeq()).isEqualTo(896);
        assertThat(pages).hasSize(4).allMatch(ChainRangeVerification::verified);
        assertThat(pages).extracting(ChainRangeVerification::from).containsExactly(1L, 301L, 601L, 901L);
        assertThat(pages.getLast().next()).isNull();
        assertThat(pages.stream().mapToLong(ChainRangeVerification::eventsChecked).sum()).isEqualTo(1000);
        assertThat(pages.stream().mapToInt(ChainRangeVerification::checkpointsChecked).sum()).isEqualTo(7);
    }

    @Test
    void verifyingTheTailReadsTheSameWhateverTheChainsLength() {
        InMemoryChain shortChain = new InMemoryChain(signing).append(200);
        InMemoryChain longChain = new InMemoryChain(signing).append(100_000);
        shortChain.resetCounters();
        longChain.resetCounters();

        ChainVerification ofShort = verifier.tail(shortChain);
        ChainVerification ofLong = verifier.tail(longChain);

        assertThat(ofShort.verified()).isTrue();
        assertThat(ofLong.verified()).isTrue();
        assertThat(longChain.eventsRead).isLessThanOrEqualTo(INTERVAL).isEqualTo(ofLong.eventsChecked());
        assertThat(longChain.queries).isEqualTo(shortChain.queries).isLessThanOrEqualTo(5);
        assertThat(ofLong.checkpointSeq()).isGreaterThanOrEqualTo(100_000 - INTERVAL);
    }

    @Test
    void deletingTheLastEventsAndTheHeadIsReportedAsAMissingHead() {
        InMemoryChain chain = new InMemoryChain(signing).append(300);
        chain.events.tailMap(291L, true).clear();
        chain.head = null;

        ChainVerification tail = verifier.tail(chain);
        ChainRangeVerification full = verifier.range(chain, 1, 1000);

        assertThat(tail.verified()).isFalse();
        assertThat(tail.firstBrokenSeq()).isEqualTo(291);
        assertThat(tail.problem()).contains("head is missing");
        assertThat(full.verified()).isFalse();
        assertThat(full.problem()).contains("head is missing");
    }

    @Test
    void deletingTheLastEventsBehindAnIntactHeadIsReportedAsAMissingTail() {
        InMemoryChain chain = new InMemoryChain(signing).append(300);
        chain.events.tailMap(291L, true).clear();

        ChainVerification tail = verifier.tail(chain);
        ChainRangeVerification full = verifier.range(chain, 1, 1000);

        assertThat(tail.verified()).isFalse();
        assertThat(tail.firstBrokenSeq()).isEqualTo(291);
        assertThat(tail.problem()).contains("ends at event 290").contains("names event 300");
        assertThat(full.verified()).isFalse();
        assertThat(full.firstBrokenSeq()).isEqualTo(291);
    }

    @Test
    void movingTheHeadBackToAnEarlierEventIsReportedAsUnsigned() {
        InMemoryChain chain = new InMemoryChain(signing).append(300);
        ChainedEvent kept = chain.events.get(290L);
        chain.events.tailMap(291L, true).clear();
        ChainState forged = new ChainState(290, kept.hash(), 256);
        chain.head.moveTo(forged, new AuditSigning("another key, of at least thirty-two bytes", INTERVAL)
                .signer().head(chain.chain(), forged));

        ChainVerification tail = verifier.tail(chain);

        assertThat(tail.verified()).isFalse();
        assertThat(tail.problem()).contains("not signed");
    }

    @Test
    void aChangeAfterAForgedHeadIsAppendedButNotSigned() {
        InMemoryChain chain = new InMemoryChain(signing).append(300);
        ChainedEvent kept = chain.events.get(290L);
        chain.events.tailMap(291L, true).clear();
        chain.head.moveTo(new ChainState(290, kept.hash(), 256), null);

        chain.append(200);

        assertThat(chain.events.lastKey()).isEqualTo(490);
        assertThat(verifier.tail(chain).problem()).contains("not signed");
        assertThat(chain.checkpoints.lastKey()).as("no checkpoint after the forgery").isEqualTo(256);
    }

    @Test
    void rewritingTheWholeChainConsistentlyIsCaughtByTheSignedCheckpoints() {
        InMemoryChain chain = new InMemoryChain(signing).append(300);
        chain.rewrite(10, "{\"n\":\"forged\"}", true);
        chain.relinkFrom(10);

        ChainVerification tail = verifier.tail(chain);
        List<ChainRangeVerification> pages = fullVerification(chain, 100);

        assertThat(tail.verified()).isFalse();
        assertThat(tail.firstBrokenSeq()).as("the checkpoint the tail starts from").isEqualTo(256);
        assertThat(tail.problem()).contains("rewritten");
        assertThat(pages.get(0).verified()).as("consistent up to the first checkpoint").isTrue();
        assertThat(pages.get(1).verified()).isFalse();
        assertThat(pages.get(1).firstBrokenSeq()).as("the first checkpoint after the edit").isEqualTo(128);
    }

    @Test
    void editingAnOldRowIsFoundByTheFullVerificationAndByAPageThatShowsIt() {
        InMemoryChain chain = new InMemoryChain(signing).append(300);
        chain.rewrite(42, "{\"n\":\"forged\"}", false);

        ChainVerification tail = verifier.tail(chain);
        List<ChainRangeVerification> pages = fullVerification(chain, 100);
        ChainVerification shown = tail.alsoChecking(List.of(chain.events.get(43L), chain.events.get(42L)));

        assertThat(tail.verified()).as("the tail starts after the edit").isTrue();
        assertThat(pages.getFirst().firstBrokenSeq()).isEqualTo(42);
        assertThat(pages.getFirst().problem()).contains("changed");
        assertThat(shown.verified()).isFalse();
        assertThat(shown.firstBrokenSeq()).isEqualTo(42);
    }

    @Test
    void anEventAddedAfterTheHeadIsReported() {
        InMemoryChain chain = new InMemoryChain(signing).append(300);
        AuditChainHead head = chain.head;
        ChainState signed = head.state();
        String mac = head.mac();
        chain.append(1);
        head.moveTo(signed, mac);

        ChainVerification tail = verifier.tail(chain);
        ChainRangeVerification last = verifier.range(chain, 201, 100);

        assertThat(tail.verified()).isFalse();
        assertThat(tail.firstBrokenSeq()).isEqualTo(301);
        assertThat(tail.problem()).contains("behind Slipway's back");
        assertThat(last.verified()).isFalse();
        assertThat(last.firstBrokenSeq()).isEqualTo(301);
    }

    @Test
    void aMissingOrForgedCheckpointIsReported() {
        InMemoryChain missing = new InMemoryChain(signing).append(300);
        missing.checkpoints.remove(256L);
        InMemoryChain forged = new InMemoryChain(signing).append(300);
        Checkpoint real = forged.checkpoints.get(256L);
        forged.checkpoints.put(256L, new Checkpoint(256, real.hash(), "0".repeat(64)));

        assertThat(verifier.tail(missing).problem()).contains("checkpoint 256").contains("missing");
        assertThat(verifier.range(missing, 201, 100).problem()).contains("checkpoint 256").contains("missing");
        assertThat(verifier.tail(forged).problem()).contains("checkpoint 256 is not signed");
        assertThat(verifier.range(forged, 201, 100).firstBrokenSeq()).isEqualTo(256);
    }

    @Test
    void anOrganizationsChainIsNeverEmpty() {
        InMemoryChain chain = new InMemoryChain(signing).append(3);
        chain.events.clear();
        chain.head.moveTo(ChainState.EMPTY, null);

        assertThat(verifier.tail(chain).verified()).isFalse();
        assertThat(verifier.tail(chain).problem()).contains("empty");
    }

    @Test
    void aPageStartingBeyondTheEndVerifiesNothingAndEnds() {
        InMemoryChain chain = new InMemoryChain(signing).append(10);

        ChainRangeVerification beyond = verifier.range(chain, 11, 100);

        assertThat(beyond.verified()).isTrue();
        assertThat(beyond.eventsChecked()).isZero();
        assertThat(beyond.next()).isNull();
    }

    private List<ChainRangeVerification> fullVerification(InMemoryChain chain, int limit) {
        List<ChainRangeVerification> pages = new ArrayList<>();
        Long from = 1L;
        while (from != null) {
            ChainRangeVerification page = verifier.range(chain, from, limit);
            pages.add(page);
            from = page.next();
        }
        return pages;
    }
}
