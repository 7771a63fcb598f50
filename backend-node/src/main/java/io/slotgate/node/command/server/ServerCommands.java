package io.slotgate.node.command.server;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.Errors;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.store.Partition;

import static io.slotgate.node.command.CommandEntry.F_FANOUT;
import static io.slotgate.node.command.CommandEntry.F_WRITE;

/** DBSIZE, FLUSHALL, FLUSHDB, TIME plus INFO, CONFIG, COMMAND and CLUSTER (own classes). */
public final class ServerCommands {

    private ServerCommands() {
    }

    public static void register(CommandRegistry r) {
        KeySpec none = KeySpec.none();
        r.add("dbsize", 1, F_FANOUT, none, c -> c.completeOnClientLoop(
                c.node().keyspace().gather(p -> (long) p.size()),
                sizes -> c.integer(sizes.stream().mapToLong(Long::longValue).sum())));
        r.add("flushall", -1, F_WRITE | F_FANOUT, none, ServerCommands::flush);
        r.add("flushdb", -1, F_WRITE | F_FANOUT, none, ServerCommands::flush);
        r.add("time", 1, 0, none, c -> {
            long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
            c.array(2);
            c.bulk(Long.toString(micros / 1_000_000));
            c.bulk(Long.toString(micros % 1_000_000));
        });
        // ROLE and WAIT: io.slotgate.node.replication.ReplicationCommands
        r.add("info", -1, F_FANOUT, none, InfoCommand::execute);
        r.add("memory", -2, 0, none, ServerCommands::memory);
        r.add("config", -2, F_FANOUT, none, ConfigCommand::execute);
        r.add("command", -1, 0, none, CommandCommand::execute);
        r.add("cluster", -2, F_FANOUT, none, ClusterCommand::execute);
    }

    private static void flush(Call c) {
        if (c.argc() > 2 || c.argc() == 2 && !c.argIs(1, "sync") && !c.argIs(1, "async")) {
            throw new CommandException(Errors.SYNTAX);
        }
        c.completeOnClientLoop(c.node().keyspace().gather(p -> {
            p.flush();
            return Boolean.TRUE;
        }), done -> c.ok());
    }

    /** Counts over all partitions for INFO (keys, expires, hits...). */
    record PartitionStats(long keys, long expires, long hits, long misses, long expired, long blocked) {
        static PartitionStats of(Partition p) {
            return new PartitionStats(p.size(), p.keysWithExpiry(), p.hits(), p.misses(), p.expiredKeys(),
                    p.blocking().blockedCount());
        }
    }

    /** MEMORY PURGE asks for a full collection, so INFO's used_memory is then the live data exactly. */
    private static void memory(Call c) {
        if (c.request().argEqualsIgnoreCase(1, "purge") && c.request().argCount() == 2) {
            System.gc();
            c.ok();
        } else {
            c.error(Errors.unknownSubcommand(c.request().argString(1), "memory"));
        }
    }
}
