package io.slipway.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the Slipway realm for import: the production template from {@code slipway-auth}
 * ({@value #TEMPLATE}), optionally merged with the demo overlay ({@value #DEMO_OVERLAY}), with
 * {@value #CONSOLE_URL_PLACEHOLDER} replaced by the console's URLs.
 *
 * <p>Merge rules (overlay onto template): objects merge field by field; arrays whose elements are
 * objects with an identity field ({@code clientId}, {@code username}, {@code alias} or {@code name},
 * first present wins) merge element by element on that identity, new elements are appended; any
 * other value in the overlay replaces the template's.
 *
 * <p>Placeholder expansion: an array element holding the placeholder becomes one element per
 * console URL; the {@code post.logout.redirect.uris} attribute (a {@code ##}-separated list) gets
 * every URL; any other string gets the first URL. The placeholder syntax is Keycloak's own
 * environment placeholder, so a deployment that imports the raw template with
 * {@code SLIPWAY_CONSOLE_URL} set in Keycloak's environment gets the same result for one URL.
 *
 * <p>Every other environment placeholder ({@link #environmentVariables}: the client secrets) is left for
 * Keycloak to resolve from its environment at import. The template gives none of them a default, and
 * Keycloak leaves a placeholder whose variable is unset as literal text (the secret would then be
 * {@code ${SLIPWAY_CONSOLE_CLIENT_SECRET}} itself), so whoever starts Keycloak must set each one;
 * {@link KeycloakServer} refuses to start without them.
 */
public final class RealmTemplate {

    public static final String REALM = "slipway";
    public static final String TEMPLATE = "/keycloak/slipway-realm.json";
    public static final String DEMO_OVERLAY = "/keycloak/demo-realm-overlay.json";
    public static final String CONSOLE_URL_PLACEHOLDER = "${SLIPWAY_CONSOLE_URL}";

    /** Keycloak's environment placeholder, {@code ${NAME}} or {@code ${NAME:default}}; upper-case names only (lower-case ones are message keys). */
    private static final Pattern ENVIRONMENT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private static final String POST_LOGOUT_REDIRECT_URIS = "post.logout.redirect.uris";
    private static final List<String> IDENTITY_FIELDS = List.of("clientId", "username", "alias", "name");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RealmTemplate() {
    }

    /** The realm to import: the template, plus the demo overlay when {@code demo}, for these console URLs. */
    public static ObjectNode render(List<String> consoleUrls, boolean demo) {
        if (consoleUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one console URL is needed for the realm's redirect URIs.");
        }
        List<String> urls = consoleUrls.stream().map(RealmTemplate::withoutTrailingSlash).toList();
        JsonNode realm = read(TEMPLATE);
        if (demo) {
            realm = merge(realm, read(DEMO_OVERLAY));
        }
        JsonNode rendered = expandPlaceholder(realm, null, urls);
        if (rendered.toString().contains(CONSOLE_URL_PLACEHOLDER)) {
            throw new IllegalStateException("Unexpanded " + CONSOLE_URL_PLACEHOLDER + " left in the realm.");
        }
        return (ObjectNode) rendered;
    }

    /** {@link #render} as pretty-printed JSON. */
    public static String renderJson(List<String> consoleUrls, boolean demo) {
        return json(render(consoleUrls, demo));
    }

    /** A realm as pretty-printed JSON, for the import file. */
    public static String json(JsonNode realm) {
        try {
            return JSON.writeValueAsString(realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The environment variables the realm's remaining placeholders name, which Keycloak resolves at import
     * (for the rendered template: {@code SLIPWAY_CONSOLE_CLIENT_SECRET}, {@code SLIPWAY_PROVISIONER_CLIENT_SECRET}).
     */
    public static Set<String> environmentVariables(JsonNode realm) {
        Set<String> names = new TreeSet<>();
        collectPlaceholders(realm, names, false);
        return names;
    }

    /** The placeholders that carry a default after a colon ({@code ${NAME:default}}), as written. */
    static Set<String> placeholdersWithDefaults(JsonNode realm) {
        Set<String> found = new TreeSet<>();
        collectPlaceholders(realm, found, true);
        return found;
    }

    private static void collectPlaceholders(JsonNode node, Set<String> into, boolean withDefaultsOnly) {
        if (node.isTextual()) {
            Matcher matcher = ENVIRONMENT_PLACEHOLDER.matcher(node.asText());
            while (matcher.find()) {
                if (!withDefaultsOnly) {
                    into.add(matcher.group(1));
                } else if (matcher.group(2) != null) {
                    into.add(matcher.group());
                }
            }
        }
        node.forEach(child -> collectPlaceholders(child, into, withDefaultsOnly));
    }

    /** A realm resource from the class path, parsed. */
    public static JsonNode read(String resource) {
        try (InputStream in = RealmTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path (it ships in io.slipway:slipway-auth).");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** The overlay merged onto a copy of the base (see the class comment for the rules). */
    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode baseObject && overlay instanceof ObjectNode overlayObject) {
            ObjectNode merged = baseObject.deepCopy();
            for (Map.Entry<String, JsonNode> field : overlayObject.properties()) {
                JsonNode current = merged.get(field.getKey());
                merged.set(field.getKey(), current == null ? field.getValue().deepCopy() : merge(current, field.getValue()));
            }
            return merged;
        }
        if (base instanceof ArrayNode baseArray && overlay instanceof ArrayNode overlayArray
                && identified(baseArray) && identified(overlayArray)) {
            Map<String, JsonNode> byIdentity = new LinkedHashMap<>();
            baseArray.forEach(element -> byIdentity.put(identity(element), element.deepCopy()));
            overlayArray.forEach(element -> byIdentity.merge(identity(element), element.deepCopy(), RealmTemplate::merge));
            ArrayNode merged = JSON.createArrayNode();
            byIdentity.values().forEach(merged::add);
            return merged;
        }
        return overlay.deepCopy();
    }

    private static boolean identified(ArrayNode array) {
        for (JsonNode element : array) {
            if (identity(element) == null) {
                return false;
            }
        }
        return true;
    }

    private static String identity(JsonNode element) {
        if (!element.isObject()) {
            return null;
        }
        for (String field : IDENTITY_FIELDS) {
            if (element.hasNonNull(field)) {
                return field + "=" + element.get(field).asText();
            }
        }
        return null;
    }

    private static JsonNode expandPlaceholder(JsonNode node, String fieldName, List<String> urls) {
        if (node instanceof ObjectNode object) {
            ObjectNode result = JSON.createObjectNode();
            object.properties().forEach(f -> result.set(f.getKey(), expandPlaceholder(f.getValue(), f.getKey(), urls)));
            return result;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode result = JSON.createArrayNode();
            for (JsonNode element : array) {
                if (element.isTextual() && element.asText().contains(CONSOLE_URL_PLACEHOLDER)) {
                    substitutions(element.asText(), urls).forEach(result::add);
                } else {
                    result.add(expandPlaceholder(element, null, urls));
                }
            }
            return result;
        }
        if (node.isTextual() && node.asText().contains(CONSOLE_URL_PLACEHOLDER)) {
            List<String> values = substitutions(node.asText(), urls);
            return TextNode.valueOf(POST_LOGOUT_REDIRECT_URIS.equals(fieldName) ? String.join("##", values) : values.getFirst());
        }
        return node.deepCopy();
    }

    private static List<String> substitutions(String text, List<String> urls) {
        List<String> values = new ArrayList<>();
        for (String url : urls) {
            String value = text.replace(CONSOLE_URL_PLACEHOLDER, url);
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new IllegalArgumentException("Console URL must start with http:// or https://: " + url);
        }
        return trimmed;
    }
}
