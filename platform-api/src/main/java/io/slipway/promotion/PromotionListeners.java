package io.slipway.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells open screens of a project (the console's promotion inbox) that its promotions changed, once the change
 * has committed. Within this server only: a screen open on another replica learns of it at its next refresh.
 */
@ApplicationScoped
public class PromotionListeners {

    private static final Logger LOG = Logger.getLogger(PromotionListeners.class.getName());

    private record Listener(UUID projectId, Consumer<PromotionChanged> callback) {
    }

    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();

    /** Calls {@code callback} after every committed change of the project's promotions, until closed. */
    public AutoCloseable listen(UUID projectId, Consumer<PromotionChanged> callback) {
        Listener listener = new Listener(projectId, callback);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PromotionChanged change) {
        for (Listener listener : listeners) {
            if (listener.projectId().equals(change.projectId())) {
                try {
                    listener.callback().accept(change);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "A promotion listener failed", e);
                }
            }
        }
    }
}
