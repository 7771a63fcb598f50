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
import java.util.concurrent.CompletableFuture;
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
            p.table().forEach((k, v) -> {
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
     * SCAN cursor = (the partition table's reverse-binary bucket cursor) * P + partition index. One call walks
     * partitions in order until COUNT keys were visited, so a reply may be empty with a non-zero cursor (allowed
     * by SCAN's contract); keys present for the whole scan are returned even if tables resize meanwhile.
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
        long pos = Long.divideUnsigned(cursor, parts);
        if (pos > 0xFFFFFFFFL) {
            pos = 0; // not a cursor we handed out: start that partition over (SCAN may repeat keys)
        }
        ScanFilter filter = new ScanFilter(pattern, type);
        int batch = (int) Math.min(count, 1_000_000);
        c.completeOnClientLoop(scanFrom(ks, partition, pos, batch, new ArrayList<>(), filter), res -> {
            c.array(2);
            c.bulk(Long.toUnsignedString(res.cursor()));
            c.array(res.keys().size());
            res.keys().forEach(c::bulk);
        });
    }

    private record ScanFilter(byte[] pattern, String type) {
        boolean accepts(Partition p, byte[] k, Object v) {
            return !p.isExpired(k) && (pattern == null || Glob.matches(pattern, k))
                    && (type == null || KeyCommands.typeName(v).equals(type));
        }
    }

    private record Step(long next, int visited) {
    }

    /** Walks partition after partition (each on its loop) until {@code budget} keys were visited or all were. */
    private static CompletableFuture<ScanResult> scanFrom(Keyspace ks, int partition, long pos, int budget,
                                                          List<byte[]> found, ScanFilter filter) {
        int parts = ks.partitionCount();
        return ks.submit(partition, p -> {
            int[] visited = {0};
            long next = p.table().scan(pos, budget, (k, v) -> {
                visited[0]++;
                if (filter.accepts(p, k, v)) {
                    found.add(k);
                }
            });
            return new Step(next, visited[0]);
        }).thenCompose(step -> {
            if (step.next() != 0) {
                return CompletableFuture.completedFuture(
                        new ScanResult(step.next() * parts + partition, found));
            }
            if (partition + 1 >= parts) {
                return CompletableFuture.completedFuture(new ScanResult(0, found));
            }
            int left = budget - step.visited();
            if (left <= 0) {
                return CompletableFuture.completedFuture(new ScanResult(partition + 1, found));
            }
            return scanFrom(ks, partition + 1, 0, left, found, filter);
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
