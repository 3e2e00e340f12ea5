package io.slipway.console.promotion;

import com.vaadin.flow.component.html.Span;

/** Lumo badges for a version's stage and a promotion request's state, coloured by what they mean. */
public final class StageBadge {

    private StageBadge() {
    }

    /** development, staging, production or archived. */
    public static Span stage(String stage) {
        Span badge = new Span(stage);
        badge.addClassName("stage-badge");
        badge.getElement().setAttribute("data-stage", stage);
        switch (stage) {
            case "production" -> badge.getElement().getThemeList().add("badge success");
            case "staging" -> badge.getElement().getThemeList().add("badge");
            case "archived" -> badge.getElement().getThemeList().add("badge contrast");
            default -> {
                badge.getElement().getThemeList().add("badge");
                badge.getStyle().set("color", "var(--lumo-secondary-text-color)")
                        .set("background-color", "var(--lumo-contrast-5pct)");
            }
        }
        return badge;
    }

    /** pending, approved, rejected or superseded. */
    public static Span state(String state) {
        Span badge = new Span(state);
        badge.addClassName("state-badge");
        switch (state) {
            case "approved" -> badge.getElement().getThemeList().add("badge success");
            case "rejected" -> badge.getElement().getThemeList().add("badge error");
            case "superseded" -> badge.getElement().getThemeList().add("badge contrast");
            default -> {
                badge.getElement().getThemeList().add("badge");
                badge.getStyle().set("color", "var(--lumo-warning-text-color, #8a5a00)")
                        .set("background-color", "var(--lumo-warning-color-10pct, rgba(255, 180, 0, 0.15))");
            }
        }
        return badge;
    }

    /** "version 3" as a stage badge, or a muted "none". */
    public static Span holder(String stage, Integer version) {
        if (version == null) {
            Span none = new Span("none");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            return none;
        }
        Span badge = stage(stage);
        badge.setText("v" + version);
        badge.getElement().setAttribute("title", stage + ": version " + version);
        return badge;
    }
}
