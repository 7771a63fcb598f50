package io.slotgate.node.cluster;

import io.slotgate.routing.slot.SlotHash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real, trivial {@link KeyspaceAccess} over a map, for tests of the cluster engine without the store. */
final class InMemoryKeyspace implements KeyspaceAccess {

    private final Map<String, String> keys = new LinkedHashMap<>();
    final List<String> published = new CopyOnWriteArrayList<>();

    synchronized void put(String key, String value) {
        keys.put(key, value);
    }

    @Override
    public synchronized CompletionStage<Long> countKeysInSlot(int slot) {
        long n = keys.keySet().stream().filter(k -> slotOf(k) == slot).count();
        return CompletableFuture.completedFuture(n);
    }

    @Override
    public synchronized CompletionStage<List<byte[]>> keysInSlot(int slot, int count) {
        List<byte[]> out = new ArrayList<>();
        for (String k : keys.keySet()) {
            if (out.size() < count && slotOf(k) == slot) {
                out.add(k.getBytes(StandardCharsets.UTF_8));
            }
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public void deliverPublish(byte[] channel, byte[] message) {
        published.add(new String(channel, StandardCharsets.UTF_8) + ":" + new String(message, StandardCharsets.UTF_8));
    }

    private static int slotOf(String key) {
        return SlotHash.slot(key.getBytes(StandardCharsets.UTF_8));
    }
}
