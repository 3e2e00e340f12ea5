package io.slipway.persistence;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The organization whose rows the current thread may see. Hibernate reads it (through
 * {@link SlipwayTenantResolver}) when it opens a session, so it must be set before the transaction begins.
 * Only {@link io.slipway.tenancy.Tenancy} sets it; nothing else should call {@link #runAs}.
 */
public final class TenantContext {

    /** The root identity: platform-level work that may read across organizations. */
    public static final UUID PLATFORM = new UUID(0L, 0L);

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T runAs(UUID tenant, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
