package io.slotgate.node.command;

/** Redis 7.0's error texts that several command families share (exact wording matters to clients and tests). */
public final class Errors {

    public static final String SYNTAX = "ERR syntax error";
    public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    public static final String NOT_FLOAT = "ERR value is not a valid float";
    public static final String OVERFLOW = "ERR increment or decrement would overflow";
    public static final String NO_SUCH_KEY = "ERR no such key";
    public static final String INDEX_OUT_OF_RANGE = "ERR index out of range";
    public static final String CROSSSLOT = "CROSSSLOT Keys in request don't hash to the same slot";
    public static final String NOT_POSITIVE = "ERR value is out of range, must be positive";
    public static final String TIMEOUT_NOT_FLOAT = "ERR timeout is not a float or out of range";
    public static final String TIMEOUT_NEGATIVE = "ERR timeout is negative";
    public static final String NOAUTH = "NOAUTH Authentication required.";

    private Errors() {
    }

    public static String wrongArity(String name) {
        return "ERR wrong number of arguments for '" + name + "' command";
    }

    public static String unknownSubcommand(String sub, String parent) {
        return "ERR unknown subcommand '" + truncate(sub) + "'. Try " + parent.toUpperCase(java.util.Locale.ROOT)
                + " HELP.";
    }

    static String truncate(String s) {
        return s.length() > 128 ? s.substring(0, 128) : s;
    }
}
