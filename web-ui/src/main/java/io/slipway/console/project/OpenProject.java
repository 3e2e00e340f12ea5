package io.slipway.console.project;

import io.slipway.project.ProjectView;

/** The project that the project layout has loaded for this navigation, and the scope its pages work in. */
public record OpenProject(ProjectView view, ProjectScope scope) {

    /** "Models · Fraud detection · acme · Slipway" */
    public String title(String section) {
        return section + " · " + view.name() + " · " + scope.org() + " · Slipway";
    }
}
