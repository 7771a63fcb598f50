package io.slotgate.node.command.server;

import io.netty.buffer.ByteBuf;
import io.slotgate.node.command.Call;
import io.slotgate.node.command.CommandException;
import io.slotgate.node.command.Errors;
import io.slotgate.routing.slot.SlotHash;

import java.util.List;

/**
 * CLUSTER: KEYSLOT, COUNTKEYSINSLOT and GETKEYSINSLOT are answered here from the keyspace; every other
 * subcommand goes to the cluster engine ({@code ClusterService.execute}).
 */
final class ClusterCommand {

    private ClusterCommand() {
    }

    static void execute(Call c) {
        boolean enabled = c.node().options().clusterEnabled();
        if (enabled && c.argIs(1, "keyslot")) {
            arity(c, 3, "keyslot");
            byte[] key = c.arg(2);
            c.integer(SlotHash.slot(key));
        } else if (enabled && c.argIs(1, "countkeysinslot")) {
            arity(c, 3, "countkeysinslot");
            int slot = slot(c, 2);
            c.completeOnClientLoop(c.node().keyspace().countKeysInSlot(slot), c::integer);
        } else if (enabled && c.argIs(1, "getkeysinslot")) {
            arity(c, 4, "getkeysinslot");
            long count = c.argLong(3, "ERR Invalid number of keys");
            int slot = slot(c, 2);
            if (count < 0) {
                throw new CommandException("ERR Invalid slot or number of keys");
            }
            c.completeOnClientLoop(c.node().keyspace().keysInSlot(slot, (int) Math.min(count, Integer.MAX_VALUE)),
                    (List<byte[]> keys) -> {
                        c.array(keys.size());
                        keys.forEach(c::bulk);
                    });
        } else {
            // The engine keeps the request until its stage completes; ours is released after this handler.
            var copy = io.slotgate.routing.resp.RespRequest.of(args(c));
            c.completeOnClientLoop(c.node().cluster().execute(copy), (ByteBuf reply) -> {
                copy.release();
                c.out().writeBytes(reply);
                reply.release();
            });
        }
    }

    private static byte[][] args(Call c) {
        byte[][] a = new byte[c.argc()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = c.arg(i);
        }
        return a;
    }

    private static int slot(Call c, int i) {
        long s = c.argLong(i);
        if (s < 0 || s >= SlotHash.SLOT_COUNT) {
            throw new CommandException("ERR Invalid slot");
        }
        return (int) s;
    }

    private static void arity(Call c, int n, String sub) {
        if (c.argc() != n) {
            throw new CommandException(Errors.wrongArity("cluster|" + sub));
        }
    }

}
