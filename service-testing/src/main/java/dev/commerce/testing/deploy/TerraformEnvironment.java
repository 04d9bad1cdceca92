package dev.commerce.testing.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variable names a Terraform environment ({@code terraform/environments/<env>/services.tf}) gives
 * each service, read from the HCL without running Terraform: the attributes the {@code service_environment_names}
 * output collects ({@code keys(v.environment)}, {@code keys(v.secrets)} and literal names), with every
 * {@code local.*} and {@code module.data_tier.*} map they merge followed to its keys.
 */
public final class TerraformEnvironment {

    private static final Pattern MAP_KEY = Pattern.compile("(?<![\\w\"])([A-Z][A-Z0-9_]*)\\s*=(?![=>])");
    private static final Pattern LOCAL_REF = Pattern.compile("\\blocal\\.(\\w+)");
    private static final Pattern DATA_TIER_REF = Pattern.compile("\\bmodule\\.data_tier\\.(\\w+)");
    private static final Pattern KEYS_OF = Pattern.compile("keys\\(\\s*v\\.(\\w+)\\s*\\)");
    private static final Pattern LITERAL_NAME = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");
    private static final String NAMES_OUTPUT = "service_environment_names";

    private final Path environmentDir;
    private final String services;
    private final String dataTierOutputs;

    private TerraformEnvironment(Path environmentDir, String services, String dataTierOutputs) {
        this.environmentDir = environmentDir;
        this.services = services;
        this.dataTierOutputs = dataTierOutputs;
    }

    /** {@code terraformDir/environments/<environment>}, with the data-tier module it composes. */
    public static TerraformEnvironment of(Path terraformDir, String environment) {
        Path dir = terraformDir.resolve("environments").resolve(environment);
        String services = withoutComments(read(dir.resolve("services.tf")));
        String outputs = withoutComments(read(terraformDir.resolve("modules/commerce-data-tier/outputs.tf")));
        return new TerraformEnvironment(dir, services, outputs);
    }

    public Path directory() {
        return environmentDir;
    }

    /** The names {@code service_environment_names} lists for the service (plain variables and secrets). */
    public Set<String> variableNames(String service) {
        String output = block(services, "output\\s+\"" + NAMES_OUTPUT + "\"\\s*\\{")
                .orElseThrow(() -> new IllegalStateException("No output \"" + NAMES_OUTPUT + "\" in " + environmentDir));
        String serviceBlock = serviceDefinition(service);
        Set<String> names = new TreeSet<>();
        Matcher attributes = KEYS_OF.matcher(output);
        boolean any = false;
        while (attributes.find()) {
            any = true;
            String attribute = attributes.group(1);
            String expression = attribute(serviceBlock, attribute).orElseThrow(() -> new IllegalStateException(
                    "local.svc[\"" + service + "\"] has no " + attribute + " in " + environmentDir));
            names.addAll(keysOf(expression, new HashSet<>()));
        }
        if (!any) {
            throw new IllegalStateException("Output " + NAMES_OUTPUT + " takes no keys(v.<attribute>) in " + environmentDir);
        }
        Matcher literal = LITERAL_NAME.matcher(output);
        while (literal.find()) {
            names.add(literal.group(1));
        }
        return names;
    }

    /** The value of a plain local such as {@code svc_port}. */
    public Optional<String> localValue(String name) {
        return attribute(services, name).map(String::trim);
    }

    /** The expression naming each IRSA role's Kubernetes service account in {@code module "irsa"}. */
    public Optional<String> irsaServiceAccountExpression() {
        return block(services, "module\\s+\"irsa\"\\s*\\{")
                .flatMap(body -> attribute(body, "service_account"))
                .map(String::trim);
    }

    /** The body of {@code "service" = { ... }} inside {@code svc = { ... }}. */
    private String serviceDefinition(String service) {
        String svc = block(services, "(?m)^\\s*svc\\s*=\\s*\\{")
                .orElseThrow(() -> new IllegalStateException("No local svc = { ... } in " + environmentDir));
        return block(svc, "\"" + Pattern.quote(service) + "\"\\s*=\\s*\\{")
                .orElseThrow(() -> new IllegalStateException("local.svc has no \"" + service + "\" in " + environmentDir));
    }

    private Set<String> keysOf(String expression, Set<String> followed) {
        Set<String> keys = new TreeSet<>();
        Matcher key = MAP_KEY.matcher(expression);
        while (key.find()) {
            keys.add(key.group(1));
        }
        Matcher local = LOCAL_REF.matcher(expression);
        while (local.find()) {
            String name = local.group(1);
            if (followed.add("local." + name)) {
                attribute(services, name).ifPresent(value -> keys.addAll(keysOf(value, followed)));
            }
        }
        Matcher output = DATA_TIER_REF.matcher(expression);
        while (output.find()) {
            String name = output.group(1);
            if (followed.add("module.data_tier." + name)) {
                block(dataTierOutputs, "output\\s+\"" + name + "\"\\s*\\{")
                        .flatMap(body -> attribute(body, "value"))
                        .ifPresent(value -> keys.addAll(keysOf(value, followed)));
            }
        }
        return keys;
    }

    /** The expression assigned to {@code name = ...} (first match at line start), up to its end at bracket depth 0. */
    static Optional<String> attribute(String text, String name) {
        Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s*=(?!=)").matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int end = closingIndex(text, matcher.end(), true);
        return Optional.of(text.substring(matcher.end(), end < 0 ? text.length() : end));
    }

    /** The text between the brace that ends {@code opening} and its matching closing brace. */
    static Optional<String> block(String text, String opening) {
        Matcher matcher = Pattern.compile(opening).matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int end = closingIndex(text, matcher.end(), false);
        if (end < 0) {
            throw new IllegalStateException("Unbalanced braces after " + opening);
        }
        return Optional.of(text.substring(matcher.end(), end));
    }

    /**
     * Index of the first bracket closing more than was opened from {@code from} on (or, with {@code orLineBreak}, of
     * the first line break outside brackets), skipping string literals; -1 when the text ends first.
     */
    private static int closingIndex(String text, int from, boolean orLineBreak) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '(', '[' -> depth++;
                case '}', ')', ']' -> {
                    if (depth-- == 0) {
                        return i;
                    }
                }
                case '\n' -> {
                    if (orLineBreak && depth == 0) {
                        return i;
                    }
                }
                default -> {
                }
            }
        }
        return -1;
    }

    private static String withoutComments(String hcl) {
        StringBuilder out = new StringBuilder();
        for (String line : hcl.split("\n", -1)) {
            out.append(stripComment(line)).append('\n');
        }
        return out.toString();
    }

    private static String stripComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '#' || (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
