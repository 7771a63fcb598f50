package io.slotgate.node.pubsub;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.slotgate.node.server.ClientSession;
import io.slotgate.node.store.Bytes;
import io.slotgate.node.store.Glob;
import io.slotgate.routing.resp.RespWriter;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Subscriptions of the clients living on one event loop. Owned by that loop; a PUBLISH visits every loop's hub.
 */
final class PubSubHub {

    private final Map<Bytes, Set<ClientSession>> channels = new HashMap<>();
    private final Map<Bytes, Set<ClientSession>> patterns = new HashMap<>();
    private final Map<Bytes, Set<ClientSession>> shardChannels = new HashMap<>();

    Map<Bytes, Set<ClientSession>> table(Kind kind) {
        return switch (kind) {
            case CHANNEL -> channels;
            case PATTERN -> patterns;
            case SHARD -> shardChannels;
        };
    }

    void add(Kind kind, Bytes name, ClientSession s) {
        table(kind).computeIfAbsent(name, k -> new LinkedHashSet<>()).add(s);
    }

    void remove(Kind kind, Bytes name, ClientSession s) {
        Map<Bytes, Set<ClientSession>> t = table(kind);
        Set<ClientSession> set = t.get(name);
        if (set != null && set.remove(s) && set.isEmpty()) {
            t.remove(name);
        }
    }

    /** Delivers to local subscribers; returns how many clients received it. */
    int publish(byte[] channel, byte[] message) {
        int count = 0;
        Bytes ch = new Bytes(channel);
        Set<ClientSession> direct = channels.get(ch);
        if (direct != null) {
            for (ClientSession s : direct) {
                s.push(message("message", channel, message));
                count++;
            }
        }
        if (!patterns.isEmpty()) {
            for (Map.Entry<Bytes, Set<ClientSession>> e : patterns.entrySet()) {
                if (Glob.matches(e.getKey().bytes(), channel)) {
                    for (ClientSession s : e.getValue()) {
                        ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer();
                        RespWriter.writeArrayHeader(b, 4);
                        RespWriter.writeBulk(b, "pmessage");
                        RespWriter.writeBulk(b, e.getKey().bytes());
                        RespWriter.writeBulk(b, channel);
                        RespWriter.writeBulk(b, message);
                        s.push(b);
                        count++;
                    }
                }
            }
        }
        return count;
    }

    int publishShard(byte[] channel, byte[] message) {
        Set<ClientSession> subs = shardChannels.get(new Bytes(channel));
        if (subs == null) {
            return 0;
        }
        for (ClientSession s : subs) {
            s.push(message("smessage", channel, message));
        }
        return subs.size();
    }

    private static ByteBuf message(String kind, byte[] channel, byte[] message) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer(32 + channel.length + message.length);
        RespWriter.writeArrayHeader(b, 3);
        RespWriter.writeBulk(b, kind);
        RespWriter.writeBulk(b, channel);
        RespWriter.writeBulk(b, message);
        return b;
    }

    /** Subscription namespaces. */
    enum Kind { CHANNEL, PATTERN, SHARD }
}
