package io.slipway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the current organization's audit events (tenant-scoped), newest first. */
public interface AuditEventRepository {

    /**
     * Events older than {@code beforeSeq} (when given), of one project (when given), at or after
     * {@code since} (when given), newest first.
     */
    List<AuditEvent> pageNewestFirst(Optional<UUID> projectId, Optional<Instant> since, Optional<Long> beforeSeq,
                                     int limit);
}
