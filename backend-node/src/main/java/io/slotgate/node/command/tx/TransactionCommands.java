package io.slotgate.node.command.tx;

import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.CommandRegistry;
import io.slotgate.node.command.KeySpec;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Keyspace;
import io.slotgate.node.store.WatchRegistry;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.slotgate.node.command.CommandEntry.F_CLIENT_LOOP;
import static io.slotgate.node.command.CommandEntry.F_NO_MULTI;
import static io.slotgate.node.command.CommandEntry.F_TX_CONTROL;

/** MULTI, EXEC, DISCARD, WATCH, UNWATCH (cluster-protocol.md §3.2). */
public final class TransactionCommands {

    private TransactionCommands() {
    }

    public static void register(CommandRegistry r) {
        r.add("multi", 1, F_TX_CONTROL, KeySpec.none(), c -> {
            if (c.session().inMulti()) {
                throw new CommandException("ERR MULTI calls can not be nested");
            }
            c.session().beginMulti();
            c.ok();
        });
        r.add("discard", 1, F_TX_CONTROL, KeySpec.none(), c -> {
            if (!c.session().inMulti()) {
                throw new CommandException("ERR DISCARD without MULTI");
            }
            c.session().endMulti().forEach(io.slotgate.routing.resp.RespRequest::release);
            unwatchAll(c);
            c.ok();
        });
        r.add("exec", 1, F_TX_CONTROL, KeySpec.none(), TransactionExecutor::exec);
        r.add("watch", -2, F_TX_CONTROL | F_CLIENT_LOOP | F_NO_MULTI, KeySpec.range(1, -1, 1), c -> {
            if (c.session().inMulti()) {
                throw new CommandException("ERR WATCH inside MULTI is not allowed");
            }
            ClientSession s = c.session();
            WatchRegistry.Watch w = s.watchOrCreate();
            Keyspace ks = c.node().keyspace();
            CompletableFuture<?>[] registered = new CompletableFuture<?>[c.argc() - 1];
            for (int i = 1; i < c.argc(); i++) {
                byte[] key = c.arg(i);
                s.watchedKeys().add(key);
                registered[i - 1] = ks.submit(ks.partitionOfKey(key), p -> {
                    p.watches().watch(key, w);
                    return null;
                });
            }
            // +OK only once every partition holds the watch: a write another client sends after seeing it must
            // find the watch in place and make EXEC fail.
            c.completeOnClientLoop(CompletableFuture.allOf(registered), ignored -> c.ok());
        });
        r.add("unwatch", 1, F_TX_CONTROL, KeySpec.none(), c -> {
            unwatchAll(c);
            c.ok();
        });
    }

    /** Drops the client's watch on every partition (run on the client's loop). */
    public static void unwatchAll(Call c) {
        ClientSession s = c.session();
        WatchRegistry.Watch w = s.watch();
        if (w == null) {
            return;
        }
        Keyspace ks = c.node().keyspace();
        List<byte[]> keys = List.copyOf(s.watchedKeys());
        s.clearWatch();
        for (byte[] key : keys) {
            ks.submit(ks.partitionOfKey(key), p -> {
                p.watches().unwatch(key, w);
                return null;
            });
        }
    }
}
