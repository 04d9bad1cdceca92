package dev.commerce.common.api;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ETags that are a resource's version number ({@code "7"}), and the If-Match headers that quote them back.
 * {@code *} matches any version. A weak tag ({@code W/"7"}) and an unquoted number are taken too, as proxies that
 * compress responses weaken ETags and some clients drop the quotes. A well-formed tag that is no version of ours can
 * never match (412); a header that is no entity tag at all is a client error (400).
 */
public final class VersionTags {

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"([^\"]*)\"|([0-9]+)");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

    private VersionTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * For changes that must name the version the client read.
     *
     * @param resource what the tag belongs to, as the client would say it ("product")
     * @return the expected version, or empty for {@code *}
     * @throws ProblemException 428 without If-Match
     */
    public static OptionalLong required(String ifMatch, String resource) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("Send If-Match with the ETag of the " + resource + " you read");
        }
        return parse(ifMatch);
    }

    /** For changes where If-Match is a choice: absent, like {@code *}, means any version. */
    public static OptionalLong optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? OptionalLong.empty() : parse(ifMatch);
    }

    private static OptionalLong parse(String ifMatch) {
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return OptionalLong.empty();
        }
        Matcher tag = TAG.matcher(value);
        if (!tag.matches()) {
            throw ProblemException.invalidField("If-Match", "must be an ETag such as \"3\", or *");
        }
        String version = tag.group(1) != null ? tag.group(1) : tag.group(2);
        if (!VERSION.matcher(version).matches()) {
            throw ProblemException.preconditionFailed("If-Match names no version this resource has had");
        }
        return OptionalLong.of(Long.parseLong(version));
    }
}
