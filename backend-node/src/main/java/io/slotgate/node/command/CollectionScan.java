package io.slotgate.node.command;

import io.slotgate.node.store.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * HSCAN / SSCAN / ZSCAN over one collection: the cursor is a position in the collection's iteration order.
 * Small collections are returned whole with cursor 0, as Redis does for its compact encodings.
 */
public final class CollectionScan {

    private static final int WHOLE_BELOW = 128;

    private CollectionScan() {
    }

    /** Parsed "cursor [MATCH p] [COUNT n]" starting at argument {@code cursorArg}. */
    public record Options(long cursor, byte[] match, int count) {
    }

    public static Options parse(Call c, int cursorArg) {
        long cursor;
        try {
            cursor = Long.parseUnsignedLong(c.argString(cursorArg));
        } catch (NumberFormatException e) {
            throw new CommandException("ERR invalid cursor");
        }
        byte[] match = null;
        long count = 10;
        for (int i = cursorArg + 1; i < c.argc(); i++) {
            if (c.argIs(i, "match") && i + 1 < c.argc()) {
                match = c.arg(++i);
            } else if (c.argIs(i, "count") && i + 1 < c.argc()) {
                count = c.argLong(++i);
                if (count < 1) {
                    throw new CommandException(Errors.SYNTAX);
                }
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        return new Options(cursor, match, (int) Math.min(count, Integer.MAX_VALUE));
    }

    /**
     * Writes the reply: [cursor, [items...]] where each element contributes {@code fields(e)} bulk strings
     * (1 for sets, 2 for hashes and sorted sets); MATCH applies to the first.
     */
    public static <T> void reply(Call c, Options o, List<T> elements, Function<T, List<byte[]>> fields) {
        int size = elements.size();
        int start = (int) Math.min(o.cursor(), size);
        int end = size <= WHOLE_BELOW ? size : (int) Math.min(size, (long) start + o.count());
        if (size <= WHOLE_BELOW) {
            start = 0;
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = start; i < end; i++) {
            List<byte[]> f = fields.apply(elements.get(i));
            if (o.match() == null || Glob.matches(o.match(), f.get(0))) {
                out.addAll(f);
            }
        }
        c.array(2);
        c.bulk(end >= size ? "0" : Long.toString(end));
        c.bulkArray(out);
    }

    /** The reply for a missing key. */
    public static void empty(Call c) {
        c.array(2);
        c.bulk("0");
        c.array(0);
    }
}
