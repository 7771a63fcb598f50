package io.slotgate.node.acl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * ACL LOG: the most recent refusals (commands, keys, channels, failed AUTH), newest first, at most
 * {@link #MAX_ENTRIES} (Redis's acllog-max-len default). A refusal like one logged less than a minute ago (same
 * reason, context, object and user) bumps that entry's count instead, as Redis groups them. Refusals come from
 * every client loop and are rare, so the log is guarded by its monitor.
 */
public final class AclLog {

    public static final int MAX_ENTRIES = 128;
    private static final long GROUPING_MS = 60_000;

    /** One log line; mutable only under the log's monitor. */
    public static final class Entry {
        long count = 1;
        final String reason;
        final String context;
        final String object;
        final String username;
        long createdMillis;
        String clientInfo;

        Entry(String reason, String context, String object, String username, long now, String clientInfo) {
            this.reason = reason;
            this.context = context;
            this.object = object;
            this.username = username;
            this.createdMillis = now;
            this.clientInfo = clientInfo;
        }
    }

    /** An entry's fields in ACL LOG's order, as name/value pairs (numbers already formatted as Redis does). */
    public record Row(long count, String reason, String context, String object, String username, String age,
                      String clientInfo) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    /**
     * @param reason  "command", "key", "channel" or "auth"
     * @param context "toplevel" or "multi"
     */
    public synchronized void add(String reason, String context, String object, String username, String clientInfo) {
        long now = System.currentTimeMillis();
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.reason.equals(reason) && e.context.equals(context) && e.object.equals(object)
                    && e.username.equals(username) && now - e.createdMillis < GROUPING_MS) {
                it.remove();
                e.count++;
                e.createdMillis = now;
                e.clientInfo = clientInfo;
                entries.addFirst(e);
                return;
            }
        }
        entries.addFirst(new Entry(reason, context, object, username, now, clientInfo));
        while (entries.size() > MAX_ENTRIES) {
            entries.removeLast();
        }
    }

    public synchronized void reset() {
        entries.clear();
    }

    /** Up to {@code limit} entries, newest first. */
    public synchronized List<Row> rows(long limit) {
        long now = System.currentTimeMillis();
        List<Row> out = new ArrayList<>();
        for (Entry e : entries) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new Row(e.count, e.reason, e.context, e.object, e.username,
                    seconds((now - e.createdMillis) / 1000.0), e.clientInfo));
        }
        return out;
    }

    /** A double as Redis's RESP2 addReplyDouble prints it: "%.17g" (17 significant digits, no trailing zeros). */
    static String seconds(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(17)).stripTrailingZeros().toPlainString();
    }
}
