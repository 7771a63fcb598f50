package io.slotgate.node.command.lists;

import io.slotgate.node.command.Blocking;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.ListValue;
import io.slotgate.node.store.Partition;

import java.util.List;

import static io.slotgate.node.command.CommandEntry.F_BLOCKING;
import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP: they wait on their partition until a push or the timeout. */
final class BlockingListCommands {

    private BlockingListCommands() {
    }

    static void register(CommandRegistry r) {
        r.add("blpop", -3, F_WRITE | F_BLOCKING, KeySpec.range(1, -2, 1), c -> bpop(c, true));
        r.add("brpop", -3, F_WRITE | F_BLOCKING, KeySpec.range(1, -2, 1), c -> bpop(c, false));
        r.add("brpoplpush", 4, F_WRITE | F_BLOCKING, KeySpec.range(1, 2, 1),
                c -> bmove(c, false, true, 3));
        r.add("blmove", 6, F_WRITE | F_BLOCKING, KeySpec.range(1, 2, 1),
                c -> bmove(c, ListCommands.side(c, 3), ListCommands.side(c, 4), 5));
        r.add("blmpop", -5, F_WRITE | F_BLOCKING, KeySpec.numkeys(2), c -> {
            long timeout = Blocking.timeoutMillis(c, 1);
            ListCommands.MpopArgs a = ListCommands.MpopArgs.parse(c, 2, "LEFT", "RIGHT");
            Blocking.serveOrBlock(c, a.keys(), timeout, call -> ListCommands.mpop(call, call.db(), a),
                    c::nullArray);
        });
    }

    private static void bpop(Call c, boolean left) {
        long timeout = Blocking.timeoutMillis(c, c.argc() - 1);
        List<byte[]> keys = Blocking.keysBeforeTimeout(c);
        Blocking.serveOrBlock(c, keys, timeout, call -> {
            Partition db = call.db();
            for (byte[] k : keys) {
                ListValue l = db.getList(k);
                if (l != null) {
                    byte[] v = left ? l.pollFirst() : l.pollLast();
                    db.deleteIfEmpty(k, l);
                    db.watches().touched(k);
                    call.array(2);
                    call.bulk(k);
                    call.bulk(v);
                    return true;
                }
            }
            return false;
        }, c::nullArray);
    }

    private static void bmove(Call c, boolean fromLeft, boolean toLeft, int timeoutArg) {
        long timeout = Blocking.timeoutMillis(c, timeoutArg);
        byte[] src = c.arg(1);
        byte[] dst = c.arg(2);
        Blocking.serveOrBlock(c, List.of(src), timeout, call -> {
            byte[] v = ListCommands.move(call.db(), src, dst, fromLeft, toLeft);
            if (v == null) {
                return false;
            }
            call.bulk(v);
            return true;
        }, c::nullArray);
    }
}
