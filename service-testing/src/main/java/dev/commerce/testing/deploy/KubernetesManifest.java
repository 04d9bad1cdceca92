package dev.commerce.testing.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The resources of a generated multi-document Kubernetes manifest (target/kubernetes/kubernetes.yml). */
public final class KubernetesManifest {

    private final Path file;
    private final List<JsonNode> resources;

    private KubernetesManifest(Path file, List<JsonNode> resources) {
        this.file = file;
        this.resources = resources;
    }

    public static KubernetesManifest read(Path file) {
        YAMLFactory yaml = new YAMLFactory();
        ObjectMapper mapper = new ObjectMapper(yaml);
        List<JsonNode> resources = new ArrayList<>();
        try (JsonParser parser = yaml.createParser(file.toFile());
                MappingIterator<JsonNode> documents = mapper.readValues(parser, JsonNode.class)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isMissingNode() && !document.isNull()) {
                    resources.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
        return new KubernetesManifest(file, List.copyOf(resources));
    }

    public Path file() {
        return file;
    }

    public List<JsonNode> resources() {
        return resources;
    }

    public List<String> kinds() {
        return resources.stream().map(r -> r.path("kind").asText()).toList();
    }

    public Optional<JsonNode> find(String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()))
                .findFirst();
    }

    public JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "No " + kind + " named " + name + " in " + file + " (has " + kinds() + ")"));
    }
}
