package dev.commerce.testing.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's {@code application.properties} asks of its deployment: the environment variables the prod
 * profile reads without a default ({@code ${NAME}}, not {@code ${NAME:default}}), so the service cannot start
 * without them.
 */
public final class ProdConfiguration {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern ANY_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final String PROFILE = "prod";

    private final Map<String, String> effective;

    private ProdConfiguration(Map<String, String> effective) {
        this.effective = effective;
    }

    public static ProdConfiguration of(Path applicationProperties) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + applicationProperties, e);
        }
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> profiled = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (!key.startsWith("%")) {
                plain.put(key, value);
                continue;
            }
            int dot = key.indexOf('.');
            Set<String> profiles = Set.of(key.substring(1, dot).split(","));
            if (profiles.contains(PROFILE)) {
                profiled.put(key.substring(dot + 1), value);
            }
        }
        Map<String, String> effective = new TreeMap<>(plain);
        effective.putAll(profiled);
        // Build-time manifest settings are not read by the running service.
        effective.keySet().removeIf(key -> key.startsWith("quarkus.kubernetes.") || key.startsWith("quarkus.container-image."));
        return new ProdConfiguration(effective);
    }

    /** Variable name to the first property that needs it. */
    public Map<String, String> requiredVariables() {
        Map<String, String> required = new TreeMap<>();
        effective.forEach((key, value) -> {
            Matcher matcher = REQUIRED_VARIABLE.matcher(value);
            while (matcher.find()) {
                required.putIfAbsent(matcher.group(1), key);
            }
        });
        return required;
    }

    /** Every variable the prod profile reads, with or without a default. */
    public Set<String> readVariableNames() {
        Set<String> read = new TreeSet<>();
        effective.values().forEach(value -> {
            Matcher matcher = ANY_VARIABLE.matcher(value);
            while (matcher.find()) {
                read.add(matcher.group(1));
            }
        });
        return read;
    }

    public Set<String> requiredVariableNames() {
        return new TreeSet<>(requiredVariables().keySet());
    }
}
