package io.slotgate.node.command;

import io.slotgate.node.cluster.ClusterView;
import io.slotgate.node.store.Partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of the slot gate that needs the keyspace (cluster-protocol.md §2.1 steps 5, 9, 10): while a slot is
 * migrating or importing, whether the command's keys exist here decides between running it, ASK and TRYAGAIN.
 * It runs on the partition's loop just before the handler, so the answer matches the keys the handler would see
 * and the keys GETKEYSINSLOT/MIGRATE move on the same loop. If the cluster view changed since the gate ran on
 * the client's loop (a SETSLOT NODE in between), the whole decision is taken again with the new view.
 */
public final class OpenSlotCheck {

    private OpenSlotCheck() {
    }

    /** Null to run the call, else the redirect or TRYAGAIN error to answer instead. */
    static String recheck(Call call) {
        ClusterView now = call.node().cluster().view();
        int slot = call.slot();
        if (now == call.gateView() && now.migratingTo(slot) == null && !now.importing(slot)) {
            return null; // the common case: nothing changed and the slot is stable
        }
        CommandEntry entry = call.entry();
        int[] keys = call.keyIndexes();
        List<byte[]> names = new ArrayList<>(keys.length);
        for (int k : keys) {
            names.add(call.arg(k));
        }
        return decide(now, call.gateView(), slot, entry.isWrite(),
                call.gateReadonly(), call.gateAsking(), entry.has(CommandEntry.F_OPEN_SLOT_LOCAL), call.db(), names);
    }

    /**
     * The decision for keys of one slot, on the loop of their partition {@code db}; {@code gateView} is the view
     * the client-loop gate already accepted them with (a different current view means deciding again). EXEC
     * calls it with the keys of its whole queue.
     *
     * @param servedOnOpenSlot MIGRATE: runs locally on a migrating or importing slot (§2.1 step 8)
     */
    public static String decide(ClusterView now, ClusterView gateView, int slot, boolean write, boolean readonly,
                                boolean asking, boolean servedOnOpenSlot, Partition db, List<byte[]> keys) {
        if (now != gateView) {
            String redirect = now.redirect(slot, write, readonly, asking || servedOnOpenSlot);
            if (redirect != null) {
                return redirect;
            }
        }
        if (servedOnOpenSlot || keys.isEmpty() || (now.migratingTo(slot) == null && !now.importing(slot))) {
            return null;
        }
        int present = 0;
        boolean multiple = false;
        byte[] first = keys.get(0);
        for (byte[] key : keys) {
            if (db.exists(key)) {
                present++;
            }
            multiple |= !Arrays.equals(first, key);
        }
        return now.openSlotRedirect(slot, asking, multiple, present, keys.size() - present);
    }
}
