package io.slotgate.node.command;

import io.slotgate.node.cluster.ClusterView;
import io.slotgate.node.store.Partition;

import java.util.Arrays;

/**
 * The part of the slot gate that needs the keyspace (cluster-protocol.md §2.1 steps 5, 9, 10): while a slot is
 * migrating or importing, whether the command's keys exist here decides between running it, ASK and TRYAGAIN.
 * It runs on the partition's loop just before the handler, so the answer matches the keys the handler would see
 * and the keys GETKEYSINSLOT/MIGRATE move on the same loop. If the cluster view changed since the gate ran on
 * the client's loop (a SETSLOT NODE in between), the whole decision is taken again with the new view.
 */
final class OpenSlotCheck {

    private OpenSlotCheck() {
    }

    /** Null to run the call, else the redirect or TRYAGAIN error to answer instead. */
    static String recheck(Call call) {
        ClusterView now = call.node().cluster().view();
        int slot = call.slot();
        CommandEntry entry = call.entry();
        if (now != call.gateView()) {
            String redirect = now.redirect(slot, entry.isWrite(), call.gateReadonly(),
                    call.gateAsking() || entry.has(CommandEntry.F_OPEN_SLOT_LOCAL));
            if (redirect != null) {
                return redirect;
            }
        }
        if (entry.has(CommandEntry.F_OPEN_SLOT_LOCAL) || (now.migratingTo(slot) == null && !now.importing(slot))) {
            return null;
        }
        Partition db = call.db();
        int[] keys = call.keyIndexes();
        int present = 0;
        boolean multiple = false;
        byte[] first = call.arg(keys[0]);
        for (int k : keys) {
            byte[] key = call.arg(k);
            if (db.exists(key)) {
                present++;
            }
            multiple |= !Arrays.equals(first, key);
        }
        return now.openSlotRedirect(slot, call.gateAsking(), multiple, present, keys.length - present);
    }
}
