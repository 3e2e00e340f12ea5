package io.slipway.audit.trail;

import io.slipway.api.AccessGate;
import io.slipway.api.Page;
import io.slipway.api.PageRequest;
import io.slipway.audit.AuditChains;
import io.slipway.audit.AuditEventRepository;
import io.slipway.audit.ChainRangeVerification;
import io.slipway.audit.PlatformAuditEvent;
import io.slipway.auth.Caller;
import io.slipway.auth.Operation;
import io.slipway.tenancy.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Reading the platform's audit trail (platform admins): pages with the tail's verdict, and the full verification. */
@ApplicationScoped
public class PlatformAuditService {

    private final Tenancy tenancy;
    private final AuditEventRepository events;
    private final AuditChains chains;

    @Inject
    public PlatformAuditService(Tenancy tenancy, AuditEventRepository events, AuditChains chains) {
        this.tenancy = tenancy;
        this.events = events;
        this.chains = chains;
    }

    protected PlatformAuditService() {
        this(null, null, null);
    }

    public AuditPage page(Caller caller, PageRequest page) {
        AccessGate.requirePlatform(caller, Operation.PLATFORM_AUDIT_READ);
        Optional<Long> beforeSeq = page.afterNumber();
        return tenancy.asPlatform(() -> {
            Page<PlatformAuditEvent> rows = Page.of(events.platformPageNewestFirst(beforeSeq, page.fetchSize()), page,
                    e -> Long.toString(e.seq()));
            return new AuditPage(rows.map(AuditEventView::of).items(), rows.nextCursor(),
                    chains.verifyPlatformTail().alsoChecking(rows.items()));
        });
    }

    /** One page of the full verification of the platform's chain; see {@link AuditTrailService#verify}. */
    public ChainRangeVerification verify(Caller caller, Optional<Long> from, Optional<Long> limit) {
        AccessGate.requirePlatform(caller, Operation.PLATFORM_AUDIT_READ);
        long start = AuditTrailService.requireFrom(from);
        int size = AuditTrailService.requireLimit(limit);
        return tenancy.asPlatform(() -> chains.verifyPlatformRange(start, size));
    }
}
