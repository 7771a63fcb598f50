package io.slotgate.node.cluster.engine;

import io.slotgate.node.cluster.state.NodeFlags;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The 100 ms cluster cron (cluster-engine.md §5.1): expires handshakes, keeps one outbound link per node, pings a
 * random node with an old PONG once a second and any node whose PONG is older than node_timeout / 2, and flags
 * PFAIL on nodes that leave a ping unanswered for node_timeout (§6.1).
 */
final class Heartbeat {

    private static final int TICKS_PER_RANDOM_PING = 10;
    private static final int RANDOM_SAMPLES = 5;
    private static final long MIN_HANDSHAKE_TIMEOUT_MS = 1000;

    private final ClusterEngine engine;
    private final NodeTable table;
    private long ticks;

    Heartbeat(ClusterEngine engine) {
        this.engine = engine;
        this.table = engine.table;
    }

    void tick() {
        ticks++;
        long now = engine.now();
        long timeout = engine.options.nodeTimeoutMs();
        long handshakeTimeout = Math.max(timeout, MIN_HANDSHAKE_TIMEOUT_MS);
        List<ClusterNode> nodes = table.nodeList();
        for (ClusterNode n : nodes) {
            if (n.isMyself() || n.has(NodeFlags.NOADDR)) {
                continue;
            }
            if (n.inHandshake() && now - n.createdAt > handshakeTimeout) {
                engine.removeNode(n);
                continue;
            }
            if (n.link == null && !n.ip.isEmpty() && n.busPort > 0) {
                engine.connect(n);
            }
        }
        if (ticks % TICKS_PER_RANDOM_PING == 0) {
            pingOldestOfRandomSample(nodes);
        }
        for (ClusterNode n : nodes) {
            if (n.isMyself() || n.has(NodeFlags.NOADDR) || n.inHandshake() || table.get(n.id) != n) {
                continue;
            }
            if (n.link != null && n.link.isConnected() && now - n.link.createdAt() > timeout && n.pingSent != 0
                    && now - n.pingSent > timeout / 2 && now - n.dataReceived > timeout / 2) {
                // The link looks stuck: drop it, the next tick reconnects.
                n.link.attach(null);
                n.link.close();
                n.link = null;
                continue;
            }
            if (n.linkConnected() && n.pingSent == 0 && now - n.pongReceived > timeout / 2) {
                engine.ping(n);
            } else if (n == engine.failover.manualReplica() && table.myself.isMaster()) {
                engine.pingNow(n); // §8.4: the replica must see our PAUSED offset quickly
            }
            engine.failures.checkTimeout(n, now);
        }
    }

    private void pingOldestOfRandomSample(List<ClusterNode> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        ClusterNode best = null;
        for (int i = 0; i < RANDOM_SAMPLES; i++) {
            ClusterNode n = nodes.get(rnd.nextInt(nodes.size()));
            if (n.isMyself() || n.inHandshake() || !n.linkConnected() || n.pingSent != 0
                    || table.get(n.id) != n) {
                continue;
            }
            if (best == null || n.pongReceived < best.pongReceived) {
                best = n;
            }
        }
        if (best != null) {
            engine.ping(best);
        }
    }
}
