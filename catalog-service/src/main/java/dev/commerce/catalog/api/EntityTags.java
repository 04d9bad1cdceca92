package dev.commerce.catalog.api;

import java.util.OptionalLong;

import dev.commerce.catalog.domain.CatalogProblems;
import dev.commerce.catalog.domain.Product;

/** ETag = the product's version, as a strong entity tag ({@code "7"}); If-Match accepts it or {@code *}. */
final class EntityTags {

    private EntityTags() {
    }

    static String of(Product product) {
        return "\"" + product.version() + "\"";
    }

    /**
     * @return the version the client expects, or empty for {@code *}
     * @throws dev.commerce.common.api.ProblemException 428 without If-Match, 412 when it cannot match any version
     */
    static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw CatalogProblems.ifMatchRequired();
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return OptionalLong.empty();
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException notOurs) {
            return OptionalLong.of(-1);
        }
    }
}
