package io.slotgate.node.command.keys;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.Glob;
import io.slotgate.node.store.Keyspace;
import io.slotgate.node.store.Partition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.slotgate.node.command.CommandEntry.F_FANOUT;

/**
 * Keyless commands over the whole keyspace (KEYS, SCAN, RANDOMKEY): they visit every partition on its own loop
 * and answer on the client's loop.
 */
final class KeyspaceScanCommands {

    private KeyspaceScanCommands() {
    }

    static void register(CommandRegistry r) {
        r.add("keys", 2, F_FANOUT, KeySpec.none(), KeyspaceScanCommands::keys);
        r.add("scan", -2, F_FANOUT, KeySpec.none(), KeyspaceScanCommands::scan);
        r.add("randomkey", 1, F_FANOUT, KeySpec.none(), KeyspaceScanCommands::randomKey);
    }

    private static void keys(Call c) {
        byte[] pattern = c.arg(1);
        boolean all = pattern.length == 1 && pattern[0] == '*';
        c.completeOnClientLoop(c.node().keyspace().gather(p -> {
            List<byte[]> out = new ArrayList<>();
            p.table().scan(0, Integer.MAX_VALUE, (k, v) -> {
                if ((all || Glob.matches(pattern, k)) && !p.isExpired(k)) {
                    out.add(k);
                }
            });
            return out;
        }), lists -> {
            int n = lists.stream().mapToInt(List::size).sum();
            c.array(n);
            lists.forEach(l -> l.forEach(c::bulk));
        });
    }

    /**
     * SCAN cursor = position in a partition's table * P + partition index; one call walks one partition, so a
     * reply may be empty with a non-zero cursor (allowed by SCAN's contract).
     */
    private static void scan(Call c) {
        long cursor;
        try {
            cursor = Long.parseUnsignedLong(c.argString(1));
        } catch (NumberFormatException e) {
            throw new CommandException("ERR invalid cursor");
        }
        byte[] pattern = null;
        long count = 10;
        String type = null;
        for (int i = 2; i < c.argc(); i++) {
            if (c.argIs(i, "match") && i + 1 < c.argc()) {
                pattern = c.arg(++i);
            } else if (c.argIs(i, "count") && i + 1 < c.argc()) {
                count = c.argLong(++i);
                if (count < 1) {
                    throw new CommandException(Errors.SYNTAX);
                }
            } else if (c.argIs(i, "type") && i + 1 < c.argc()) {
                type = c.argString(++i).toLowerCase(java.util.Locale.ROOT);
            } else {
                throw new CommandException(Errors.SYNTAX);
            }
        }
        Keyspace ks = c.node().keyspace();
        int parts = ks.partitionCount();
        int partition = (int) Long.remainderUnsigned(cursor, parts);
        long posLong = Long.divideUnsigned(cursor, parts);
        int pos = posLong > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) posLong;
        byte[] pat = pattern;
        String typ = type;
        int batch = (int) Math.min(count, 1_000_000);
        c.completeOnClientLoop(ks.submit(partition, p -> {
            List<byte[]> found = new ArrayList<>();
            int start = Math.min(pos, p.table().capacity());
            int next = p.table().scan(start, batch, (k, v) -> {
                if (p.isExpired(k)) {
                    return;
                }
                if (pat != null && !Glob.matches(pat, k)) {
                    return;
                }
                if (typ != null && !KeyCommands.typeName(v).equals(typ)) {
                    return;
                }
                found.add(k);
            });
            long nextCursor;
            if (next != 0) {
                nextCursor = (long) next * parts + partition;
            } else if (partition + 1 < parts) {
                nextCursor = partition + 1;
            } else {
                nextCursor = 0;
            }
            return new ScanResult(nextCursor, found);
        }), res -> {
            c.array(2);
            c.bulk(Long.toUnsignedString(res.cursor()));
            c.array(res.keys().size());
            res.keys().forEach(c::bulk);
        });
    }

    private record ScanResult(long cursor, List<byte[]> keys) {
    }

    private static void randomKey(Call c) {
        Keyspace ks = c.node().keyspace();
        int parts = ks.partitionCount();
        int first = ThreadLocalRandom.current().nextInt(parts);
        c.completeOnClientLoop(ks.gather(Partition::randomKey), keys -> {
            for (int i = 0; i < parts; i++) {
                byte[] k = keys.get((first + i) % parts);
                if (k != null) {
                    c.bulk(k);
                    return;
                }
            }
            c.nullBulk();
        });
    }
}
