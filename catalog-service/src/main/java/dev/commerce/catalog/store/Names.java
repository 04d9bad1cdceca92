package dev.commerce.catalog.store;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Expression attribute names: every attribute in an expression is written {@code #attribute} (several of ours,
 * like {@code name} and {@code status}, are DynamoDB reserved words) and mapped back here.
 */
final class Names {

    private static final Pattern PLACEHOLDER = Pattern.compile("#([A-Za-z][A-Za-z0-9]*)");

    private Names() {
    }

    static Map<String, String> in(String... expressions) {
        return Arrays.stream(expressions)
                .flatMap(expression -> {
                    Matcher matcher = PLACEHOLDER.matcher(expression);
                    return matcher.results().map(result -> result.group(1));
                })
                .distinct()
                .collect(Collectors.toMap(name -> "#" + name, name -> name));
    }
}
