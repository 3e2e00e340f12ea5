package io.slipway.api;

/** Slugs name organizations, projects, datasets and models in URLs: lowercase {@code [a-z0-9-]{1,63}}. */
public final class Slug {

    public static final String PATTERN = "[a-z0-9-]{1,63}";
    public static final String MESSAGE = "must be 1-63 characters of a-z, 0-9 and '-'";

    private Slug() {
    }

    public static boolean isValid(String value) {
        return value != null && value.matches(PATTERN);
    }
}
