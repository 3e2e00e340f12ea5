package io.slipway.console.project;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page inside {@link ProjectLayout}: on every navigation to it, it builds itself afresh for the project the
 * layout loaded, or shows nothing (the layout says why) when that project is not open to the person.
 */
public abstract class ProjectSection extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final String section;
    private String title;

    protected ProjectSection(String section) {
        this.section = section;
        this.title = section + " · Slipway";
        setPadding(false);
        setWidthFull();
        getStyle().set("margin-top", "var(--lumo-space-m)");
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ProjectLayout.current().ifPresent(project -> {
            title = project.title(section);
            show(project, event);
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** Builds the page for the open project; the event gives the route's own parameters. */
    protected abstract void show(OpenProject project, BeforeEnterEvent event);
}
