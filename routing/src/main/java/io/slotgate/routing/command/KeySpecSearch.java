package io.slotgate.routing.command;

import io.slotgate.routing.resp.RespRequest;

import java.util.List;

/**
 * Applies a command's key specs to a request the way Redis 7.0's getKeysUsingKeySpecs does (db.c), so that the
 * result equals COMMAND GETKEYS whenever the specs are complete.
 */
final class KeySpecSearch {

    private KeySpecSearch() {
    }

    /**
     * Key indexes found by the specs, or null when a spec is invalid for this request (unknown search type,
     * bad key count, out-of-range keys) or incomplete: then Redis falls back to the command's own key finder.
     */
    static int[] find(List<KeySpec> specs, RespRequest request) {
        return find(specs, request, false);
    }

    /** As {@link #find(List, RespRequest)}; with {@code includeNotKeys} also what not_key specs name. */
    static int[] find(List<KeySpec> specs, RespRequest request, boolean includeNotKeys) {
        int argc = request.argCount();
        KeyIndexBuffer keys = new KeyIndexBuffer();
        for (KeySpec spec : specs) {
            if (spec.notKey() && !includeNotKeys) {
                continue;
            }
            long first = begin(spec.beginSearch(), request, argc);
            if (first < 0) {
                return null;
            }
            if (first == 0) {
                continue; // keyword not present: this spec contributes no keys
            }
            KeySpec.FindKeys fk = spec.findKeys();
            long last;
            int step;
            switch (fk.type()) {
                case RANGE -> {
                    step = fk.keyStep();
                    if (fk.lastKey() >= 0) {
                        last = first + fk.lastKey();
                    } else if (fk.limit() == 0) {
                        last = argc + fk.lastKey();
                    } else {
                        // Only 1/limit of what remains are keys (XREAD STREAMS k1 k2 id1 id2).
                        last = first + ((argc - first) / fk.limit() + fk.lastKey());
                    }
                }
                case KEYNUM -> {
                    step = fk.keyStep();
                    long countIndex = first + fk.keyNumIdx();
                    if (countIndex >= argc || countIndex < 0) {
                        return null;
                    }
                    long numKeys;
                    try {
                        numKeys = request.argLong((int) countIndex);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    if (numKeys < 0) {
                        return null;
                    }
                    first += fk.firstKey();
                    last = first + numKeys - 1;
                }
                default -> {
                    return null;
                }
            }
            if (last >= argc || last < first || first >= argc || step <= 0) {
                return null;
            }
            for (long i = first; i <= last; i += step) {
                keys.add((int) i);
            }
            if (spec.incomplete()) {
                return null;
            }
        }
        return keys.toArray();
    }

    /** The first key position, 0 when a keyword is absent, -1 for an unknown search type. */
    private static long begin(KeySpec.BeginSearch bs, RespRequest request, int argc) {
        switch (bs.type()) {
            case INDEX:
                return bs.index();
            case KEYWORD: {
                // Forward searches stop before the last argument (a keyword there has no key after it);
                // backward searches stop before argument 1.
                int start = bs.startFrom() > 0 ? bs.startFrom() : argc + bs.startFrom();
                int end = bs.startFrom() > 0 ? argc - 1 : 1;
                int dir = start <= end ? 1 : -1;
                for (int i = start; i != end; i += dir) {
                    if (i >= argc || i < 1) {
                        break;
                    }
                    if (request.argEqualsIgnoreCase(i, bs.keyword())) {
                        return i + 1;
                    }
                }
                return 0;
            }
            default:
                return -1;
        }
    }
}
