package io.slotgate.node.pubsub;

import io.netty.util.concurrent.EventExecutor;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Pub/Sub of this node: one {@link PubSubHub} per event loop holding that loop's subscribers, so subscribing
 * needs no locks and a PUBLISH visits each loop once. Sharded channels (SSUBSCRIBE/SPUBLISH) are a separate
 * namespace, delivered only on this node (cluster-protocol.md §3: shard-local).
 */
public final class PubSub {

    private final EventExecutor[] loops;
    private final PubSubHub[] hubs;

    public PubSub(EventExecutor[] loops) {
        this.loops = loops.clone();
        this.hubs = new PubSubHub[loops.length];
        for (int i = 0; i < loops.length; i++) {
            hubs[i] = new PubSubHub();
        }
    }

    private PubSubHub hubOf(ClientSession s) {
        for (int i = 0; i < loops.length; i++) {
            if (loops[i] == s.loop()) {
                return hubs[i];
            }
        }
        throw new IllegalStateException("client on an unknown loop");
    }

    /** Called on the client's loop. */
    public void subscribe(ClientSession s, Bytes channel) {
        hubOf(s).add(PubSubHub.Kind.CHANNEL, channel, s);
    }

    public void unsubscribe(ClientSession s, Bytes channel) {
        hubOf(s).remove(PubSubHub.Kind.CHANNEL, channel, s);
    }

    public void psubscribe(ClientSession s, Bytes pattern) {
        hubOf(s).add(PubSubHub.Kind.PATTERN, pattern, s);
    }

    public void punsubscribe(ClientSession s, Bytes pattern) {
        hubOf(s).remove(PubSubHub.Kind.PATTERN, pattern, s);
    }

    public void ssubscribe(ClientSession s, Bytes channel) {
        hubOf(s).add(PubSubHub.Kind.SHARD, channel, s);
    }

    public void sunsubscribe(ClientSession s, Bytes channel) {
        hubOf(s).remove(PubSubHub.Kind.SHARD, channel, s);
    }

    /** Delivers on every loop; completes with the number of receiving clients. */
    public CompletableFuture<Long> publish(byte[] channel, byte[] message) {
        return sum(hub -> (long) hub.publish(channel, message));
    }

    public CompletableFuture<Long> publishShard(byte[] channel, byte[] message) {
        return sum(hub -> (long) hub.publishShard(channel, message));
    }

    private CompletableFuture<Long> sum(Function<PubSubHub, Long> f) {
        return onEachHub(f).thenApply(list -> list.stream().mapToLong(Long::longValue).sum());
    }

    private <T> CompletableFuture<List<T>> onEachHub(Function<PubSubHub, T> f) {
        List<CompletableFuture<T>> parts = new ArrayList<>();
        for (int i = 0; i < loops.length; i++) {
            PubSubHub hub = hubs[i];
            CompletableFuture<T> part = new CompletableFuture<>();
            if (loops[i].inEventLoop()) {
                part.complete(f.apply(hub));
            } else {
                loops[i].execute(() -> part.complete(f.apply(hub)));
            }
            parts.add(part);
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(v -> parts.stream().map(CompletableFuture::join).toList());
    }

    /** PUBSUB CHANNELS / SHARDCHANNELS: active channels matching {@code pattern} (null = all), sorted. */
    public CompletableFuture<List<byte[]>> channels(byte[] pattern, boolean shard) {
        PubSubHub.Kind kind = shard ? PubSubHub.Kind.SHARD : PubSubHub.Kind.CHANNEL;
        return onEachHub(hub -> List.copyOf(hub.table(kind).keySet())).thenApply(lists -> {
            TreeSet<Bytes> all = new TreeSet<>();
            lists.forEach(all::addAll);
            List<byte[]> out = new ArrayList<>();
            for (Bytes b : all) {
                if (pattern == null || Glob.matches(pattern, b.bytes())) {
                    out.add(b.bytes());
                }
            }
            return out;
        });
    }

    /** PUBSUB NUMSUB / SHARDNUMSUB: subscriber count per channel, in the order asked. */
    public CompletableFuture<long[]> numsub(List<Bytes> channels, boolean shard) {
        PubSubHub.Kind kind = shard ? PubSubHub.Kind.SHARD : PubSubHub.Kind.CHANNEL;
        return onEachHub(hub -> {
            long[] counts = new long[channels.size()];
            Map<Bytes, Set<ClientSession>> t = hub.table(kind);
            for (int i = 0; i < counts.length; i++) {
                Set<ClientSession> s = t.get(channels.get(i));
                counts[i] = s == null ? 0 : s.size();
            }
            return counts;
        }).thenApply(lists -> {
            long[] total = new long[channels.size()];
            for (long[] l : lists) {
                for (int i = 0; i < total.length; i++) {
                    total[i] += l[i];
                }
            }
            return total;
        });
    }

    /** PUBSUB NUMPAT: number of distinct patterns subscribed to. */
    public CompletableFuture<Long> numpat() {
        return onEachHub(hub -> List.copyOf(hub.table(PubSubHub.Kind.PATTERN).keySet()))
                .thenApply(lists -> {
                    TreeSet<Bytes> all = new TreeSet<>();
                    lists.forEach(all::addAll);
                    return (long) all.size();
                });
    }
}
