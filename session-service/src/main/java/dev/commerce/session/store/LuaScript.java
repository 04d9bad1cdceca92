package dev.commerce.session.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically by Redis. Every key it touches is passed in KEYS (never built inside the script), so
 * a cluster routes it to the node that owns them; keys passed together share a hash tag.
 */
record LuaScript(String name, String source, String sha1) {

    static LuaScript of(String name, String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new LuaScript(name, source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
