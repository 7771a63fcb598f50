package io.slotgate.routing.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates argument lists for every command and subcommand of a table, shaped by its key specs: filler
 * arguments of several lengths, with each keyword spec's keyword placed at every position and each key-count
 * argument set to valid, zero, negative, oversized and non-numeric values, in all combinations.
 */
final class KeyRequestCorpus {

    private static final String[] COUNTS = {"0", "1", "2", "3", "-1", "x", "2x", "7"};
    private static final int EXTRA_ARGUMENTS = 6;
    private static final int MAX_PER_LENGTH = 400;

    private KeyRequestCorpus() {
    }

    /** Argument lists (command name first) for one leaf command. */
    static List<List<String>> forCommand(CommandSpec spec) {
        String[] prefix = spec.name().split("\\|");
        int minArgs = Math.max(Math.abs(spec.arity()), prefix.length);
        int maxArgs = spec.arity() > 0 ? spec.arity() : minArgs + EXTRA_ARGUMENTS;
        List<List<String>> out = new ArrayList<>();
        for (int argc = Math.max(prefix.length, minArgs - 1); argc <= maxArgs + 1; argc++) {
            List<String> base = new ArrayList<>();
            for (String p : prefix) {
                base.add(p.toUpperCase());
            }
            for (int i = prefix.length; i < argc; i++) {
                base.add("v" + i);
            }
            List<List<String>> variants = new ArrayList<>();
            variants.add(base);
            for (KeySpec ks : spec.keySpecs()) {
                variants = mutate(variants, ks, prefix.length, argc);
                if (variants.size() > MAX_PER_LENGTH) {
                    variants = variants.subList(0, MAX_PER_LENGTH);
                }
            }
            out.addAll(variants);
        }
        return out;
    }

    private static List<List<String>> mutate(List<List<String>> variants, KeySpec ks, int firstArg, int argc) {
        List<List<String>> out = new ArrayList<>(variants);
        if (ks.findKeys().type() == KeySpec.FindType.KEYNUM && ks.beginSearch().type() == KeySpec.SearchType.INDEX) {
            int at = ks.beginSearch().index() + ks.findKeys().keyNumIdx();
            if (at < argc) {
                for (List<String> v : variants) {
                    for (String count : COUNTS) {
                        out.add(with(v, at, count));
                    }
                }
            }
        }
        if (ks.beginSearch().type() == KeySpec.SearchType.KEYWORD) {
            String keyword = ks.beginSearch().keyword();
            for (List<String> v : variants) {
                for (int at = firstArg; at < argc; at++) {
                    out.add(with(v, at, at % 2 == 0 ? keyword : keyword.toLowerCase()));
                }
            }
        }
        return out;
    }

    private static List<String> with(List<String> args, int index, String value) {
        List<String> copy = new ArrayList<>(args);
        copy.set(index, value);
        return copy;
    }

    /** Requests for the forms whose keys Redis finds with command-specific code rather than specs alone. */
    static List<List<String>> specialForms() {
        String[][] cases = {
            {"EVAL", "return 1", "0"}, {"EVAL", "return 1", "2", "a", "b", "x", "y"},
            {"EVALSHA", "abc", "1", "a"}, {"EVAL_RO", "s", "3", "a", "b"}, {"EVALSHA_RO", "s", "1", "a", "b"},
            {"FCALL", "f", "2", "a", "b", "c"}, {"FCALL_RO", "f", "0"}, {"EVAL", "s", "2x", "a", "b"},
            {"EVAL", "s", " 1", "a"}, {"EVAL", "s", "+1", "a"}, {"EVAL", "s", "01", "a"},
            {"ZUNIONSTORE", "d", "2", "a", "b"}, {"ZINTERSTORE", "d", "1", "a", "WEIGHTS", "2"},
            {"ZDIFFSTORE", "d", "3", "a", "b", "c"}, {"ZUNIONSTORE", "d", "2x", "a", "b"},
            {"ZUNION", "2", "a", "b", "WITHSCORES"}, {"ZINTER", "1", "a"}, {"ZDIFF", "2", "a", "b"},
            {"ZINTERCARD", "2", "a", "b", "LIMIT", "1"}, {"SINTERCARD", "3", "a", "b", "c"},
            {"LMPOP", "2", "a", "b", "LEFT", "COUNT", "2"}, {"BLMPOP", "0", "1", "a", "RIGHT"},
            {"ZMPOP", "1", "a", "MIN"}, {"BZMPOP", "1.5", "2", "a", "b", "MAX"}, {"BLMPOP", "0", "2x", "a", "b", "LEFT"},
            {"XREAD", "STREAMS", "s", "0"}, {"XREAD", "COUNT", "5", "BLOCK", "0", "STREAMS", "a", "b", "0", "0"},
            {"XREAD", "STREAMS", "a", "b", "c"}, {"XREAD", "streams", "streams", "streams", "0", "0"},
            {"XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">"},
            {"XREADGROUP", "GROUP", "streams", "c", "COUNT", "1", "NOACK", "STREAMS", "a", "b", ">", ">"},
            {"XREADGROUP", "GROUP", "g", "c", "STREAMS", "a", "b", ">"},
            {"MIGRATE", "h", "6379", "k", "0", "1000"}, {"MIGRATE", "h", "6379", "", "0", "1000", "KEYS", "a", "b"},
            {"MIGRATE", "h", "6379", "", "0", "1000", "COPY", "REPLACE", "AUTH", "keys", "KEYS", "a"},
            {"MIGRATE", "h", "6379", "", "0", "1000", "AUTH2", "u", "keys", "KEYS", "a", "b", "c"},
            {"MIGRATE", "h", "6379", "k", "0", "1000", "KEYS", "a"}, {"MIGRATE", "h", "1", "", "0", "1", "KEYS"},
            {"MIGRATE", "h", "1", "k", "0", "1", "COPY"},
            {"SORT", "k"}, {"SORT", "k", "STORE", "d"}, {"SORT", "k", "BY", "w_*", "GET", "#", "STORE", "d"},
            {"SORT", "k", "LIMIT", "0", "10", "ALPHA", "DESC", "STORE", "d"}, {"SORT", "k", "STORE"},
            {"SORT", "k", "STORE", "a", "STORE", "b"}, {"SORT", "k", "GET", "store", "x"},
            {"SORT", "k", "LIMIT", "store", "x", "y"}, {"SORT", "k", "store", "limit", "1", "2", "q"},
            {"SORT_RO", "k", "BY", "x", "GET", "y"},
            {"GEORADIUS", "g", "1", "2", "3", "km", "STORE", "d"},
            {"GEORADIUS", "g", "1", "2", "3", "km", "STOREDIST", "d"},
            {"GEORADIUS", "g", "1", "2", "3", "km", "STORE", "d1", "STOREDIST", "d2"},
            {"GEORADIUS", "g", "1", "2", "3", "km", "WITHDIST", "COUNT", "3", "ASC"},
            {"GEORADIUSBYMEMBER", "g", "m", "3", "km", "STORE", "d"},
            {"GEORADIUSBYMEMBER", "g", "m", "3", "km", "STOREDIST", "d", "STORE", "e"},
            {"GEORADIUS_RO", "g", "1", "2", "3", "km"}, {"GEOSEARCHSTORE", "d", "s", "FROMMEMBER", "m", "BYRADIUS", "1", "km"},
            {"OBJECT", "ENCODING", "k"}, {"OBJECT", "FREQ", "k"}, {"OBJECT", "HELP"}, {"OBJECT", "nosuch", "k"},
            {"MEMORY", "USAGE", "k"}, {"MEMORY", "USAGE", "k", "SAMPLES", "0"}, {"MEMORY", "STATS"},
            {"XINFO", "STREAM", "s", "FULL"}, {"XGROUP", "CREATE", "s", "g", "$", "MKSTREAM"},
            {"SET", "k", "v", "GET"}, {"SET", "k", "v", "EX", "10"}, {"BITFIELD", "k", "GET", "u8", "0"},
            {"BITFIELD_RO", "k", "GET", "u8", "0"}, {"LCS", "a", "b", "LEN"}, {"COPY", "a", "b", "DB", "1"},
            {"BLPOP", "a", "b", "0"}, {"BRPOPLPUSH", "a", "b", "0"}, {"LMOVE", "a", "b", "LEFT", "RIGHT"},
            {"MSETNX", "a", "1", "b", "2"}, {"MSET", "a", "1", "b"}, {"RENAME", "a", "b"},
            {"SMOVE", "a", "b", "m"}, {"PFMERGE", "d", "a", "b"}, {"BITOP", "AND", "d", "a", "b"},
            {"WATCH", "a", "b"}, {"TOUCH", "a"}, {"UNLINK", "a", "b"}, {"EXISTS", "a", "a"},
            {"GET", "k"}, {"get", "k", "extra"}, {"PING"}, {"CLUSTER", "KEYSLOT", "k"},
            {"CLUSTER", "COUNTKEYSINSLOT", "1"}, {"PUBLISH", "c", "m"}, {"SPUBLISH", "c", "m"},
        };
        List<List<String>> out = new ArrayList<>();
        for (String[] c : cases) {
            out.add(List.of(c));
        }
        return out;
    }
}
