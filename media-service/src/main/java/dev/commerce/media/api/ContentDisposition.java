package dev.commerce.media.api;

import java.nio.charset.StandardCharsets;

/**
 * A Content-Disposition that is safe whatever the stored name holds: always {@code attachment} (user content is
 * never rendered inline from the API origin), an ASCII fallback name with anything risky replaced, and the exact
 * name in RFC 8187 {@code filename*} form.
 */
final class ContentDisposition {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    static String attachment(String filename) {
        StringBuilder fallback = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        filename.codePoints().forEach(cp -> fallback.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\'
                && cp != '%' && cp != ';' ? (char) cp : '_'));
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
