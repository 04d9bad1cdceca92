package dev.commerce.common.paging;

import java.util.regex.Pattern;

import dev.commerce.common.api.ProblemException;

/**
 * The {@code limit} query parameter of a list. Endpoints take it as text and parse it here: bound as a number,
 * a value like {@code many} would be answered with the 404 JAX-RS gives a query parameter it cannot convert.
 */
public final class PageLimit {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private PageLimit() {
    }

    /** @throws ProblemException 400 naming {@code limit} unless it is absent or a whole number from 1 to {@code max} */
    public static int parse(String limit, int defaultLimit, int max) {
        if (limit == null || limit.isBlank()) {
            return defaultLimit;
        }
        String text = limit.strip();
        if (NUMBER.matcher(text).matches()) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + max);
    }
}
