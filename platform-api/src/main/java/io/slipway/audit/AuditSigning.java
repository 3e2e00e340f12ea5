package io.slipway.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How chains grow and are checked: every append moves the head and signs it; every
 * {@code slipway.audit.checkpoint.interval} events (default 128) it also writes a signed checkpoint, so that
 * verifying the tail of a chain never reads more than that many events. The key is {@code slipway.audit.key}
 * ({@code SLIPWAY_AUDIT_KEY}, at least 32 bytes), which must live outside the database; the default is for the
 * local mode only.
 */
@ApplicationScoped
public class AuditSigning {

    /** The local mode's key. Anyone can read it here, so anyone could sign with it: production sets its own. */
    public static final String DEV_ONLY_KEY = "dev-only-audit-key-not-for-production";

    private static final Logger LOG = Logger.getLogger(AuditSigning.class.getName());

    private final ChainSigner signer;
    private final int interval;

    @Inject
    public AuditSigning(@ConfigProperty(name = "slipway.audit.key", defaultValue = DEV_ONLY_KEY) String key,
                        @ConfigProperty(name = "slipway.audit.checkpoint.interval", defaultValue = "128")
                        int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("slipway.audit.checkpoint.interval must be at least 1: " + interval);
        }
        this.signer = new ChainSigner(key.getBytes(StandardCharsets.UTF_8));
        this.interval = interval;
    }

    protected AuditSigning() {
        this.signer = null;
        this.interval = 0;
    }

    public ChainSigner signer() {
        return signer;
    }

    public ChainVerifier verifier() {
        return new ChainVerifier(signer);
    }

    /**
     * Moves the head past {@code event} (its next event) and signs it; returns the checkpoint to store when one is
     * due. A head whose signature does not hold is moved but not signed, and no checkpoint is written: a chain
     * shortened or rewritten behind Slipway's back stays reported as broken, rather than being signed anew by the
     * next change.
     */
    Optional<Checkpoint> advance(String chain, ChainHeadRow head, ChainedEvent event) {
        ChainState before = head.state();
        if (!before.isEmpty() && !signer.signsHead(chain, before, head.mac())) {
            LOG.severe(() -> "The head of audit chain " + chain + " is not signed with this server's key; event "
                    + event.seq() + " is appended, but the chain stays unverifiable");
            head.moveTo(new ChainState(event.seq(), event.hash(), before.checkpointSeq()), head.mac());
            return Optional.empty();
        }
        Optional<Checkpoint> checkpoint = event.seq() - before.checkpointSeq() >= interval
                ? Optional.of(new Checkpoint(event.seq(), event.hash(), signer.checkpoint(chain, event.seq(),
                event.hash())))
                : Optional.empty();
        ChainState after = new ChainState(event.seq(), event.hash(),
                checkpoint.map(Checkpoint::seq).orElse(before.checkpointSeq()));
        head.moveTo(after, signer.head(chain, after));
        return checkpoint;
    }

    /**
     * Where a chain without a head row stands: empty when it has no events. A chain whose head row was deleted
     * continues after its last stored event, unsigned, so that it keeps being reported as broken.
     */
    ChainState stateWithoutHead(ChainRows rows) {
        return rows.lastEventSeq().stream().boxed().findFirst().map(last -> {
            LOG.severe(() -> "The head of audit chain " + rows.chain() + " is missing; the chain continues after "
                    + "event " + last + ", unverifiable");
            return new ChainState(last, rows.hashOf(last).orElseThrow(), 0);
        }).orElse(ChainState.EMPTY);
    }

    /** Signs a head as it stands, with a checkpoint at its last event (used once, for chains older than signing). */
    Checkpoint adopt(String chain, ChainHeadRow head) {
        ChainState state = head.state();
        Checkpoint checkpoint = new Checkpoint(state.lastSeq(), state.lastHash(),
                signer.checkpoint(chain, state.lastSeq(), state.lastHash()));
        ChainState after = new ChainState(state.lastSeq(), state.lastHash(), state.lastSeq());
        head.moveTo(after, signer.head(chain, after));
        return checkpoint;
    }
}
