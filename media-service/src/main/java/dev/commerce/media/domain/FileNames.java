package dev.commerce.media.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Client file names are kept only as metadata, never in a key or path. They are still cleaned: no directories,
 * no control or quoting characters, at most {@value #MAX_UTF8_BYTES} UTF-8 bytes.
 */
public final class FileNames {

    static final int MAX_UTF8_BYTES = 255;

    private FileNames() {
    }

    /** The cleaned name, or null when nothing usable is left. */
    public static String sanitize(String raw) {
        if (raw == null) {
            return null;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(cp -> clean.appendCodePoint(allowed(cp) ? cp : '_'));
        String result = clean.toString().strip().replaceFirst("^\\.+", "");
        result = truncate(result);
        return result.isEmpty() || result.chars().allMatch(c -> c == '_') ? null : result;
    }

    private static boolean allowed(int codePoint) {
        return !Character.isISOControl(codePoint) && "\"<>:|?*".indexOf(codePoint) < 0
                && Character.getType(codePoint) != Character.FORMAT;
    }

    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_UTF8_BYTES) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int cp : name.codePoints().toArray()) {
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_UTF8_BYTES) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
        }
        return out.toString();
    }
}
