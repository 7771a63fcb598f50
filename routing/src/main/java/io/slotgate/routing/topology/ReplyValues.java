package io.slotgate.routing.topology;

import io.slotgate.routing.resp.RespError;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain values {@code RespValues.read} produces (String, byte[], Long, List, Map) the way topology
 * replies need them, in RESP2 and RESP3 alike: bulk and simple strings are interchangeable, and a RESP2 flat
 * key/value list stands for a RESP3 map.
 */
final class ReplyValues {

    private ReplyValues() {
    }

    /** Text of a String or byte[] (UTF-8); a Long as its decimal; null stays null. */
    static String text(Object value, String what) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (value instanceof Long l) {
            return l.toString();
        }
        throw unexpected(value, what, "a string");
    }

    /** A Long, or a decimal String/byte[] (Redis 7.0.0 sent some numbers as bulk strings). */
    static long number(Object value, String what) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof String || value instanceof byte[]) {
            String s = text(value, what);
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new TopologyParseException(what + ": not a number: '" + s + "'");
            }
        }
        throw unexpected(value, what, "an integer");
    }

    static int port(Object value, String what) {
        long p = number(value, what);
        if (p < 0 || p > 65535) {
            throw new TopologyParseException(what + ": port out of range: " + p);
        }
        return (int) p;
    }

    static List<?> list(Object value, String what) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw unexpected(value, what, "an array");
    }

    /** A RESP3 map or a RESP2 flat key/value array, as field name to value (names as text, order kept). */
    static Map<String, Object> fields(Object value, String what) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(text(e.getKey(), what + " key"), e.getValue());
            }
            return out;
        }
        if (value instanceof List<?> l) {
            if (l.size() % 2 != 0) {
                throw new TopologyParseException(what + ": odd number of elements in a key/value array");
            }
            for (int i = 0; i < l.size(); i += 2) {
                out.put(text(l.get(i), what + " key"), l.get(i + 1));
            }
            return out;
        }
        throw unexpected(value, what, "a map");
    }

    private static TopologyParseException unexpected(Object value, String what, String expected) {
        if (value instanceof RespError err) {
            return new TopologyParseException(what + ": node replied with an error: " + err.text());
        }
        String type = value == null ? "null" : value.getClass().getSimpleName();
        return new TopologyParseException(what + ": expected " + expected + ", got " + type);
    }
}
