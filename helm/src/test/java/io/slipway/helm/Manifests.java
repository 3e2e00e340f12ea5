package io.slipway.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/** The objects of one rendering of the chart, parsed from Helm's multi-document YAML. */
record Manifests(List<JsonNode> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static Manifests parse(String multiDocumentYaml) {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(multiDocumentYaml)) {
            List<JsonNode> objects = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
            return new Manifests(List.copyOf(objects));
        } catch (IOException e) {
            throw new UncheckedIOException("rendered chart is not valid YAML", e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "no %s named %s; rendered %s".formatted(kind, name, names(kind))));
    }

    List<String> names(String kind) {
        return ofKind(kind).stream().map(o -> o.at("/metadata/name").asText()).toList();
    }

    /** The workloads (Deployments, StatefulSets) whose pods carry {@code app.kubernetes.io/component=component}. */
    List<JsonNode> workloadsOfComponent(String component) {
        return objects.stream()
                .filter(o -> List.of("Deployment", "StatefulSet").contains(o.path("kind").asText()))
                .filter(o -> component.equals(o.at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText()))
                .toList();
    }

    /** A ConfigMap's data as a map. */
    Map<String, String> configMapData(String name) {
        return textMap(get("ConfigMap", name).path("data"));
    }

    /** A JSON document held in a ConfigMap key. */
    JsonNode configMapJson(String name, String key) {
        try {
            return JSON.readTree(configMapData(name).get(key));
        } catch (IOException e) {
            throw new UncheckedIOException("ConfigMap %s key %s is not JSON".formatted(name, key), e);
        }
    }

    /** The first container of a workload's pod template. */
    static JsonNode container(JsonNode workload) {
        return workload.at("/spec/template/spec/containers/0");
    }

    /** Whether every label of {@code selector} is among {@code labels}. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (var entry : selector.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** Environment variable name to the Secret it is read from (each is read from the key of its own name). */
    static Map<String, String> secretRefs(JsonNode container) {
        Map<String, String> refs = new TreeMap<>();
        for (JsonNode env : container.path("env")) {
            JsonNode ref = env.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                if (!ref.path("key").asText().equals(env.path("name").asText())) {
                    throw new AssertionError("%s is read from Secret key %s".formatted(env.path("name"), ref.path("key")));
                }
                refs.put(env.path("name").asText(), ref.path("name").asText());
            }
        }
        return refs;
    }

    /** Plain environment values of a container (those not read from a Secret or ConfigMap). */
    static Map<String, String> envValues(JsonNode container) {
        Map<String, String> values = new TreeMap<>();
        container.path("env").forEach(e -> {
            if (e.has("value")) {
                values.put(e.path("name").asText(), e.path("value").asText());
            }
        });
        return values;
    }

    /** A Secret's data, decoded. */
    static Map<String, String> secretData(JsonNode secret) {
        Map<String, String> data = new TreeMap<>();
        secret.path("data").properties().forEach(e ->
                data.put(e.getKey(), new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
        return data;
    }

    /** A node's properties as text, e.g. an object's annotations. */
    static Map<String, String> textMap(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
