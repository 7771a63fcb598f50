package io.slotgate.routing.command;

import java.util.Set;

/**
 * One Redis 7.0 key specification: where to start looking ({@link BeginSearch}) and how to find the keys from
 * there ({@link FindKeys}), plus its flags in Redis's spelling ("RO", "access", "incomplete", ...).
 */
public record KeySpec(Set<String> flags, BeginSearch beginSearch, FindKeys findKeys) {

    public KeySpec {
        flags = Set.copyOf(flags);
    }

    /** Spec flag: the spec may miss keys, so Redis falls back to the command's own key finder. */
    public boolean incomplete() {
        return flags.contains("incomplete");
    }

    /** Spec flag: the arguments it names are not keys (e.g. for ACL purposes only); skipped by key lookups. */
    public boolean notKey() {
        return flags.contains("not_key");
    }

    /** Spec flag: the key's access flags depend on other arguments (SET ... GET, BITFIELD). */
    public boolean variableFlags() {
        return flags.contains("variable_flags");
    }

    public enum SearchType { INDEX, KEYWORD, UNKNOWN }

    public enum FindType { RANGE, KEYNUM, UNKNOWN }

    /**
     * INDEX: the keys start at argument {@code index}. KEYWORD: they start after the first {@code keyword} found
     * scanning from {@code startFrom} (negative = counted from the end, scanning backwards).
     */
    public record BeginSearch(SearchType type, int index, String keyword, int startFrom) {
        public static BeginSearch index(int index) {
            return new BeginSearch(SearchType.INDEX, index, null, 0);
        }

        public static BeginSearch keyword(String keyword, int startFrom) {
            return new BeginSearch(SearchType.KEYWORD, 0, keyword, startFrom);
        }

        public static final BeginSearch UNKNOWN = new BeginSearch(SearchType.UNKNOWN, 0, null, 0);
    }

    /**
     * RANGE: keys from the start to {@code lastKey} (relative; negative = from the end of the arguments, or with
     * {@code limit} > 1 only 1/limit of the remaining arguments) every {@code keyStep}. KEYNUM: the argument at
     * start + {@code keyNumIdx} counts the keys, which begin at start + {@code firstKey}, every {@code keyStep}.
     */
    public record FindKeys(FindType type, int lastKey, int keyStep, int limit, int keyNumIdx, int firstKey) {
        public static FindKeys range(int lastKey, int keyStep, int limit) {
            return new FindKeys(FindType.RANGE, lastKey, keyStep, limit, 0, 0);
        }

        public static FindKeys keynum(int keyNumIdx, int firstKey, int keyStep) {
            return new FindKeys(FindType.KEYNUM, 0, keyStep, 0, keyNumIdx, firstKey);
        }

        public static final FindKeys UNKNOWN = new FindKeys(FindType.UNKNOWN, 0, 0, 0, 0, 0);
    }
}
