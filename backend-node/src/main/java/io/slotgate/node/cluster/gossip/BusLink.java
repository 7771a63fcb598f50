package io.slotgate.node.cluster.gossip;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;

/**
 * One bus connection: outbound (we connected to a node, one per node) or inbound (a peer connected to us).
 * Owned by the cluster thread; {@link #node} is the engine's attachment (the node the link belongs to).
 */
public final class BusLink {

    private final Channel channel;
    private final boolean inbound;
    private final long createdAt;
    private Object node;
    private boolean connected;

    BusLink(Channel channel, boolean inbound, long createdAt) {
        this.channel = channel;
        this.inbound = inbound;
        this.createdAt = createdAt;
        this.connected = inbound;
    }

    public boolean inbound() {
        return inbound;
    }

    public long createdAt() {
        return createdAt;
    }

    /** Whether the TCP connection is established and not yet closed. */
    public boolean isConnected() {
        return connected && channel.isActive();
    }

    void markConnected() {
        connected = true;
    }

    public Object node() {
        return node;
    }

    public void attach(Object node) {
        this.node = node;
    }

    /** Sends one encoded frame (ownership of {@code frame} passes to the link). */
    public void send(ByteBuf frame) {
        if (isConnected()) {
            channel.writeAndFlush(frame, channel.voidPromise());
        } else {
            frame.release();
        }
    }

    public void close() {
        channel.close();
    }

    /** Local address of the connection's socket (own-IP discovery, cluster-engine.md §1). */
    public String localIp() {
        return channel.localAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "";
    }

    /** The peer's IP as seen on the socket. */
    public String peerIp() {
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "";
    }

    /** Bytes queued but not yet written, for CLUSTER LINKS. */
    public long pendingBytes() {
        return channel.unsafe().outboundBuffer() == null ? 0 : channel.unsafe().outboundBuffer().totalPendingWriteBytes();
    }

    @Override
    public String toString() {
        return (inbound ? "from " : "to ") + channel.remoteAddress();
    }
}
