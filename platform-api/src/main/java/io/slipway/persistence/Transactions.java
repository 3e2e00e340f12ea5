package io.slipway.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a JTA transaction and flushes before commit, so constraint violations surface as exceptions
 * of the work (and reach the exception mapper as such) rather than as an opaque commit failure.
 */
@ApplicationScoped
public class Transactions {

    private final EntityManager em;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Inject
    public Transactions(EntityManager em) {
        this.em = em;
    }

    protected Transactions() {
        this.em = null;
    }

    /** Whether the calling thread is inside a transaction. */
    public boolean active() {
        return registry.getTransactionKey() != null;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T required(Supplier<T> work) {
        T result = work.get();
        em.flush();
        return result;
    }
}
