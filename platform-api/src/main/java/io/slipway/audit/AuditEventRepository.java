package io.slipway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads audit events, newest first: the current organization's (tenant-scoped), or the platform's. */
public interface AuditEventRepository {

    /**
     * Events older than {@code beforeSeq} (when given), of one project (when given), at or after
     * {@code since} (when given), newest first.
     */
    List<AuditEvent> pageNewestFirst(Optional<UUID> projectId, Optional<Instant> since, Optional<Long> beforeSeq,
                                     int limit);

    /** The platform's events older than {@code beforeSeq} (when given), newest first; in the platform scope. */
    List<PlatformAuditEvent> platformPageNewestFirst(Optional<Long> beforeSeq, int limit);
}
