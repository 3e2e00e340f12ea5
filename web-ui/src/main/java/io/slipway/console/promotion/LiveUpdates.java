package io.slipway.console.promotion;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.slipway.console.project.ProjectScope;
import io.slipway.promotion.PromotionOverview;
import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a screen current while it is open: from attach to detach it watches its project's promotions and, after
 * each committed change, refreshes itself inside the UI's lock ({@code ui.access}); server push sends the result.
 */
final class LiveUpdates implements Serializable {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

    private final PromotionOverview overview;
    private final Component owner;
    private final Runnable refresh;
    private ProjectScope scope;
    private transient AutoCloseable watching;

    LiveUpdates(Component owner, PromotionOverview overview, Runnable refresh) {
        this.owner = owner;
        this.overview = overview;
        this.refresh = refresh;
        owner.addAttachListener(event -> open(event.getUI()));
        owner.addDetachListener(event -> close());
    }

    /** Watches this project from now on (the screen was navigated to it). */
    void follow(ProjectScope project) {
        if (!project.equals(scope)) {
            close();
            scope = project;
            owner.getUI().ifPresent(this::open);
        }
    }

    private void open(UI ui) {
        if (scope == null || watching != null) {
            return;
        }
        watching = overview.watch(scope.caller(), scope.org(), scope.project(), () -> {
            try {
                ui.access(refresh::run);
            } catch (UIDetachedException closed) {
                close();
            }
        });
    }

    private void close() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Could not stop watching promotions", e);
            }
            watching = null;
        }
    }
}
