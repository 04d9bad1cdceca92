package dev.commerce.catalog.api;

/** Shapes of identifiers accepted anywhere in the API; all of them are safe inside DynamoDB keys. */
final class Patterns {

    /** Product, order and media ids: UUIDs and similar opaque tokens. */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    static final String ID_MESSAGE = "must be 1-64 letters, digits, '-' or '_'";

    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String SKU_MESSAGE = "must be 1-64 letters, digits, '.', '-' or '_'";

    /** Category slugs: lower-case words joined by '-'. */
    static final String CATEGORY = "[a-z0-9][a-z0-9-]{0,63}";
    static final String CATEGORY_MESSAGE = "must be 1-64 lower-case letters, digits or '-'";

    static final String CURRENCY = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

    /** The largest page a list returns. */
    static final int MAX_LIMIT = 100;

    /** Text that is not only white space. */
    static final String TEXT = "(?s).*\\S.*";
    static final String TEXT_MESSAGE = "must not be blank";

    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final long STOCK_MAX = 1_000_000_000L;
    static final long AMOUNT_MAX = 100_000_000_000L;

    private Patterns() {
    }
}
